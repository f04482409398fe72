import type { Random, Zipf } from './random.js';

/**
 * Words of course text, roughly from common to rare: drawn with a Zipf law over this order, the first words
 * occur in most documents (a search for them matches thousands) and the last in a handful, so full-text
 * queries have the selectivity of real course text rather than of random strings.
 */
export const WORDS = [
  'introduction', 'learning', 'practice', 'basics', 'understanding', 'skills', 'concepts', 'examples', 'problems', 'methods',
  'data', 'analysis', 'design', 'theory', 'applied', 'advanced', 'history', 'language', 'science', 'mathematics',
  'writing', 'reading', 'project', 'systems', 'models', 'functions', 'numbers', 'patterns', 'structure', 'process',
  'algebra', 'geometry', 'statistics', 'probability', 'calculus', 'fractions', 'equations', 'graphs', 'variables', 'vectors',
  'programming', 'algorithms', 'databases', 'networks', 'security', 'software', 'testing', 'interfaces', 'cloud', 'compilers',
  'biology', 'chemistry', 'physics', 'ecology', 'genetics', 'anatomy', 'astronomy', 'geology', 'climate', 'energy',
  'economics', 'finance', 'marketing', 'accounting', 'management', 'leadership', 'negotiation', 'strategy', 'ethics', 'law',
  'grammar', 'vocabulary', 'pronunciation', 'literature', 'poetry', 'rhetoric', 'translation', 'linguistics', 'phonetics', 'essays',
  'painting', 'drawing', 'music', 'harmony', 'rhythm', 'photography', 'sculpture', 'film', 'theatre', 'dance',
  'philosophy', 'psychology', 'sociology', 'anthropology', 'politics', 'geography', 'archaeology', 'medicine', 'nutrition', 'nursing',
  'circumference', 'perimeter', 'area', 'volume', 'angles', 'triangles', 'polygons', 'circles', 'symmetry', 'transformations',
  'integers', 'decimals', 'percentages', 'ratios', 'proportions', 'exponents', 'roots', 'logarithms', 'sequences', 'series',
  'matrices', 'determinants', 'eigenvalues', 'derivatives', 'integrals', 'limits', 'continuity', 'optimisation', 'inequalities', 'polynomials',
  'regression', 'correlation', 'sampling', 'hypothesis', 'variance', 'distribution', 'inference', 'estimation', 'bayesian', 'histograms',
  'recursion', 'iteration', 'sorting', 'searching', 'hashing', 'trees', 'heaps', 'queues', 'stacks', 'pointers',
  'concurrency', 'threads', 'locks', 'transactions', 'indexes', 'queries', 'caching', 'latency', 'throughput', 'replication',
  'cells', 'proteins', 'enzymes', 'photosynthesis', 'respiration', 'evolution', 'mutation', 'ecosystems', 'bacteria', 'viruses',
  'atoms', 'molecules', 'bonds', 'reactions', 'acids', 'bases', 'oxidation', 'catalysts', 'polymers', 'isotopes',
  'forces', 'motion', 'momentum', 'gravity', 'waves', 'optics', 'electricity', 'magnetism', 'thermodynamics', 'relativity',
  'markets', 'inflation', 'taxation', 'trade', 'banking', 'investment', 'budgets', 'auditing', 'contracts', 'insurance',
  'sonnets', 'novels', 'drama', 'mythology', 'folklore', 'satire', 'allegory', 'metaphor', 'narrative', 'dialogue',
  'renaissance', 'baroque', 'medieval', 'ancient', 'industrial', 'colonial', 'revolution', 'empire', 'republic', 'democracy',
  'volcanoes', 'earthquakes', 'glaciers', 'rivers', 'oceans', 'deserts', 'forests', 'minerals', 'fossils', 'tectonics',
  'cryptography', 'encryption', 'firewalls', 'authentication', 'authorization', 'malware', 'phishing', 'forensics', 'auditors', 'compliance',
  'typography', 'layout', 'colour', 'contrast', 'usability', 'accessibility', 'prototyping', 'wireframes', 'branding', 'illustration',
  'kinematics', 'dynamics', 'statics', 'torque', 'friction', 'pendulum', 'oscillation', 'resonance', 'acoustics', 'pressure',
  'stoichiometry', 'titration', 'electrolysis', 'chromatography', 'spectroscopy', 'crystallography', 'kinetics', 'equilibrium', 'entropy', 'enthalpy',
  'mitochondria', 'ribosomes', 'chromosomes', 'meiosis', 'mitosis', 'hormones', 'neurons', 'immunity', 'antibodies', 'vaccines',
  'haiku', 'limerick', 'epic', 'ballad', 'ode', 'elegy', 'villanelle', 'sestina', 'pantoum', 'ghazal',
  'topology', 'manifolds', 'homology', 'fibonacci', 'permutations', 'combinatorics', 'graphtheory', 'modular', 'primes', 'diophantine',
] as const;

/** Course categories (a search facet and filter). */
export const CATEGORIES = [
  'Mathematics', 'Computer Science', 'Biology', 'Chemistry', 'Physics', 'Economics', 'Languages', 'Literature', 'History', 'Arts',
  'Business', 'Health',
] as const;

export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;

/** Languages with how often a course is in them (most are English, as on most platforms). */
export const LANGUAGES: ReadonlyArray<readonly [string, number]> = [['en', 0.7], ['de', 0.1], ['fr', 0.08], ['es', 0.07], ['pt-BR', 0.05]];

export const TAGS = [
  'exam-prep', 'self-paced', 'certificate', 'hands-on', 'video', 'quiz', 'project-based', 'workshop', 'bootcamp', 'refresher',
  'k12', 'university', 'professional', 'open', 'lab', 'reading-list', 'flipped', 'mentored', 'capstone', 'short',
] as const;

/** `count` words drawn by frequency rank. */
export function wordsOf(random: Random, frequency: Zipf, count: number): string[] {
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(WORDS[frequency.draw(random)] as string);
  return words;
}

/** A capitalised phrase of `min`..`max` words, for titles. */
export function titleOf(random: Random, frequency: Zipf, min: number, max: number): string {
  const words = wordsOf(random, frequency, random.int(min, max));
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

/** Sentences of `min`..`max` words in all, for summaries and lesson text (letters, spaces and full stops only). */
export function textOf(random: Random, frequency: Zipf, min: number, max: number): string {
  const words = wordsOf(random, frequency, random.int(min, max));
  const sentences: string[] = [];
  for (let start = 0; start < words.length; start += 12) {
    const sentence = words.slice(start, start + 12).join(' ');
    sentences.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`);
  }
  return sentences.join(' ');
}

/** A language drawn by the shares of LANGUAGES. */
export function languageOf(random: Random): string {
  let u = random.next();
  for (const [language, share] of LANGUAGES) {
    if (u < share) return language;
    u -= share;
  }
  return 'en';
}

// Dependency rules for the Tessera monorepo (dependency-cruiser 17).
//
// Boundaries (docs: /work/shared/ARCHITECTURE.md §2 and §4):
// - a service's public surface is services/<name>/src/index.ts and services/<name>/src/contract/**;
//   another service may import nothing else of it, whether by relative path or by @tessera/<name>;
// - services never import apps/**;
// - packages/platform and packages/contracts never import services/** or apps/**
//   (platform may import contracts);
// - every import must resolve; circular dependencies only warn.
//
// Workspace packages are symlinks in node_modules/@tessera/*; resolution follows them to their real
// path (preserveSymlinks: false) and honours each package.json "exports" field, so the rules below
// see services/<b>/src/... for `import ... from '@tessera/<b>'` and a deep import of something a
// package does not export is unresolvable (and fails `not-to-unresolvable`).

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'service-internals',
      severity: 'error',
      comment:
        'A service may import from another service only its src/index.ts or src/contract/** ' +
        '(package entry points "@tessera/<name>" and "@tessera/<name>/contract"). ' +
        'Learn what you need from events or the public HTTP API instead.',
      from: { path: '^services/([^/]+)/' },
      to: {
        path: '^services/[^/]+/',
        pathNot: ['^services/$1/', '^services/[^/]+/src/index\\.ts$', '^services/[^/]+/src/contract/'],
      },
    },
    {
      name: 'service-to-app',
      severity: 'error',
      comment: 'Services must not depend on apps (apps compose services, never the other way round).',
      from: { path: '^services/' },
      to: { path: '^apps/' },
    },
    {
      name: 'kernel-to-service-or-app',
      severity: 'error',
      comment:
        'packages/platform and packages/contracts hold no domain code: they must not import ' +
        'services/** or apps/**.',
      from: { path: '^packages/(platform|contracts)/' },
      to: { path: '^(services|apps)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment:
        'This import cannot be resolved. For @tessera/* packages this usually means a deep import ' +
        'of something the package.json "exports" field does not expose.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-circular',
      severity: 'warn',
      comment: 'Circular dependency: consider breaking the cycle.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    exclude: {
      path: ['(^|/)node_modules/', '(^|/)dist/', '(^|/)coverage/', '(^|/)\\.tessera/', '^bench/results/'],
    },
    moduleSystems: ['es6', 'cjs'],
    // Type-only imports cross boundaries too: count them.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Follow node_modules/@tessera/* symlinks to services/<name>/..., packages/<name>/...
    preserveSymlinks: false,
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.d.ts', '.json'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};

import { readFileSync } from 'node:fs';
import { testBackends, type TestTenant } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareItem } from '../src/items/item-normalise.js';
import { itemProblems } from '../src/items/item-problems.js';
import { createItemsKit, expectProblem, type ItemsKit } from './fixtures/items-kit.js';
import { sampleItems } from './fixtures/items-samples.js';

type Item = Record<string, unknown> & { id: string; type: string };

let kit: ItemsKit;
let author: TestTenant;
/** A skill of the author's tenant, which the samples are tagged with. */
let skill: string;

const fixture = (name: string) => readFileSync(new URL(`./fixtures/qti/${name}`, import.meta.url), 'utf8');
const bookkeeping = ['id', 'status', 'version', 'publishedVersion', 'createdBy', 'createdAt', 'updatedAt'];
const contentOf = (item: Item) => Object.fromEntries(Object.entries(item).filter(([key]) => !bookkeeping.includes(key)));

beforeAll(async () => {
  kit = await createItemsKit();
  author = await kit.tenant(['instructor']);
  const created = await kit.request(author, 'POST', '/skills', { name: 'Geography' });
  expect(created.statusCode, created.body).toBe(201);
  skill = created.json<{ id: string }>().id;
});

afterAll(async () => {
  await kit?.close();
});

async function importXml(xml: string): Promise<Item> {
  const response = await kit.request(author, 'POST', '/items/import', xml);
  expect(response.statusCode, response.body).toBe(201);
  const [item] = response.json<{ items: Item[] }>().items;
  return item!;
}

describe(`QTI import and export over HTTP (${testBackends.database})`, () => {
  it('imports hand-written QTI 2.1 samples', async () => {
    const choice = await importXml(fixture('choice-2p1.xml'));
    expect(choice).toMatchObject({
      type: 'single_choice', title: 'Unattended Luggage', status: 'draft', shuffle: false,
      feedback: { general: '<p>Signs at airports ask you to keep your bags with you.</p>' },
      options: [
        { id: 'ChoiceA', text: 'You must stay with your luggage at all times.', correct: true, feedback: 'That\'s right.' },
        { id: 'ChoiceB', text: 'Do not let someone else look after your luggage.', correct: false },
        { id: 'ChoiceC', text: 'Remember your luggage when you leave &amp; go.', correct: false },
      ],
    });
    expect(choice.stem).toContain('<p>Look at the text in the picture.</p>');
    expect(choice.stem).toContain('<img src="https://example.org/images/sign.png" alt="NEVER LEAVE LUGGAGE UNATTENDED" />');
    expect(choice.stem).toContain('What does it say?');

    const cloze = await importXml(fixture('text-entry-2p1.xml'));
    expect(cloze).toMatchObject({ type: 'cloze', gaps: [{ id: 'RESPONSE', kind: 'text', accepted: ['York', 'york'], caseSensitive: true }] });
    expect(cloze.stem).toContain('by this sun of {{RESPONSE}};');
    expect(itemProblems(cloze as never)).toEqual([]);

    expect(await importXml(fixture('numeric-2p1.xml'))).toMatchObject({ type: 'numeric', value: 343, tolerance: { mode: 'absolute', amount: 2 } });
    const order = await importXml(fixture('order-2p1.xml'));
    expect(order).toMatchObject({ type: 'ordering', correctOrder: ['DriverC', 'DriverA', 'DriverB'] });
    expect((order.choices as unknown[]).length).toBe(3);
  });

  it('imports hand-written QTI 3.0 samples', async () => {
    const match = await importXml(fixture('match-3p0.xml'));
    expect(match).toMatchObject({
      type: 'matching', pairs: [{ source: 'C', target: 'R' }, { source: 'D', target: 'M' }, { source: 'L', target: 'M' }, { source: 'P', target: 'T' }],
    });
    expect((match.sources as unknown[]).length).toBe(4);
    expect((match.targets as Array<{ text: string }>)[0]?.text).toBe('A Midsummer-Night\'s Dream');

    const multiple = await importXml(fixture('choice-multiple-3p0.xml'));
    expect(multiple).toMatchObject({ type: 'multiple_choice', shuffle: true, feedback: { correct: '<p>Water is H<sub>2</sub>O.</p>' } });
    expect((multiple.options as Array<{ id: string; correct: boolean }>).filter((o) => o.correct).map((o) => o.id)).toEqual(['H', 'O']);

    const essay = await importXml(fixture('extended-text-3p0.xml'));
    expect(essay).toMatchObject({ type: 'essay', rubric: [{ criterion: 'Answers all three questions', points: 3 }, { criterion: 'Uses correct spelling', points: 1 }] });
    expect(essay.stem).toContain('Write Sam a postcard.');
    expect(essay.stem).not.toContain('spelling');

    const inline = await importXml(fixture('inline-choice-3p0.xml'));
    expect(inline).toMatchObject({
      type: 'cloze',
      gaps: [
        { id: 'SEASON', kind: 'text', accepted: ['winter'], caseSensitive: false },
        { id: 'RESPONSE', kind: 'choice', correct: 'Y', choices: [{ id: 'G', text: 'Gloucester' }, { id: 'L', text: 'Lancaster' }, { id: 'Y', text: 'York' }] },
      ],
    });
    expect(itemProblems(inline as never)).toEqual([]);
  });

  it('accepts a QTI document inside JSON too', async () => {
    const response = await kit.request(author, 'POST', '/items/import', { format: 'qti', content: fixture('order-2p1.xml') });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<{ items: Item[] }>().items[0]?.type).toBe('ordering');
  });

  for (const version of ['2.1', '3.0'] as const) {
    it(`exports every type as QTI ${version} and imports it back unchanged`, async () => {
      const created: Item[] = [];
      for (const content of sampleItems(skill)) created.push((await kit.request(author, 'POST', '/items', content)).json<Item>());
      const exported = await kit.request(author, 'GET', `/items/export?format=qti&version=${version}&ids=${created.map((i) => i.id).join(',')}`);
      expect(exported.statusCode, exported.body).toBe(200);
      const document = exported.json<{ format: string; version: string; items: Array<{ itemId: string; xml: string; metadata: Record<string, unknown> }> }>();
      expect(document).toMatchObject({ format: 'qti', version });
      expect(document.items.map((i) => i.itemId)).toEqual(created.map((i) => i.id));
      for (const entry of document.items) expect(entry.xml).toContain(version === '2.1' ? 'imsqti_v2p1' : 'imsqtiasi_v3p0');

      const imported = await kit.request(author, 'POST', '/items/import', { format: 'qti', content: document });
      expect(imported.statusCode, imported.body).toBe(201);
      const items = imported.json<{ items: Item[] }>().items;
      expect(items.map(contentOf)).toEqual(created.map(contentOf));
      expect(items.map(contentOf)).toEqual(sampleItems(skill).map((item) => prepareItem(item)));
    });
  }

  it('exports and imports the JSON format unchanged', async () => {
    const created: Item[] = [];
    for (const content of sampleItems(skill)) created.push((await kit.request(author, 'POST', '/items', content)).json<Item>());
    const exported = await kit.request(author, 'GET', `/items/export?format=json&ids=${created.map((i) => i.id).join(',')}`);
    expect(exported.statusCode, exported.body).toBe(200);
    const imported = await kit.request(author, 'POST', '/items/import', { format: 'json', content: exported.json() });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json<{ items: Item[] }>().items.map(contentOf)).toEqual(created.map(contentOf));
  });

  it('refuses an import with invalid items as a whole, listing each problem', async () => {
    const before = (await kit.request(author, 'GET', '/items?limit=100')).json<{ items: Item[] }>().items.length;
    const response = await kit.request(author, 'POST', '/items/import', {
      format: 'json', content: { items: [sampleItems(skill)[0], { type: 'numeric', title: 'No stem' }, { ...sampleItems(skill)[4], patterns: ['(a+)+'] }] },
    });
    const body = expectProblem(response, 422, 'ITEMS.IMPORT_INVALID');
    expect((body.problems as Array<{ index: number }>).map((p) => p.index)).toEqual(expect.arrayContaining([1, 2]));
    expect((body.problems as Array<{ index: number }>).some((p) => p.index === 0)).toBe(false);
    expect((await kit.request(author, 'GET', '/items?limit=100')).json<{ items: Item[] }>().items.length).toBe(before);
    expectProblem(await kit.request(author, 'POST', '/items/import', { format: 'json', content: { items: [] } }), 422, 'ITEMS.IMPORT_SIZE');
  });

  describe('hostile and broken documents are refused, never a 500', () => {
    const refused = async (xml: string, status: number, code: string) => {
      const raw = expectProblem(await kit.request(author, 'POST', '/items/import', xml), status, code);
      if (Buffer.byteLength(xml) < 1_000_000) {
        expectProblem(await kit.request(author, 'POST', '/items/import', { format: 'qti', content: xml }), status, code);
      }
      return raw;
    };

    it('billion laughs', async () => {
      await refused(fixture('billion-laughs.xml'), 422, 'ITEMS.QTI_DOCTYPE_REFUSED');
    });

    it('external entities (XXE)', async () => {
      const body = await refused(fixture('xxe.xml'), 422, 'ITEMS.QTI_DOCTYPE_REFUSED');
      expect(JSON.stringify(body)).not.toContain('root:');
    });

    it('a huge attribute', async () => {
      const xml = fixture('order-2p1.xml').replace('title="Grand Prix of Bahrain"', `title="${'A'.repeat(500_000)}"`);
      await refused(xml, 422, 'ITEMS.QTI_TAG_TOO_LARGE');
    });

    it('deeply nested elements', async () => {
      const depth = 50_000;
      const xml = `<assessmentItem><itemBody>${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}</itemBody></assessmentItem>`;
      await refused(xml, 422, 'ITEMS.QTI_TOO_DEEP');
    });

    it('too many elements', async () => {
      const xml = `<assessmentItem><itemBody>${'<p>x</p>'.repeat(30_000)}</itemBody></assessmentItem>`;
      await refused(xml, 422, 'ITEMS.QTI_TOO_MANY_ELEMENTS');
    });

    it('a document over 2 MB', async () => {
      const xml = `<assessmentItem><itemBody><p>${'x'.repeat(2 * 1024 * 1024 + 10)}</p></itemBody></assessmentItem>`;
      const response = await kit.request(author, 'POST', '/items/import', xml);
      expect(response.statusCode).toBe(413);
    });

    it('malformed XML, with the parser\'s message', async () => {
      const body = await refused(fixture('malformed.xml'), 400, 'ITEMS.QTI_MALFORMED');
      expect(body.detail).toMatch(/line \d+, column \d+/);
      await refused('<assessmentItem', 400, 'ITEMS.QTI_MALFORMED');
      await refused('not xml at all', 400, 'ITEMS.QTI_MALFORMED');
      await refused('', 400, 'ITEMS.QTI_MALFORMED');
    });

    it('XML that is no supported QTI item', async () => {
      await refused('<html><body/></html>', 422, 'ITEMS.QTI_NOT_AN_ITEM');
      await refused('<assessmentItem identifier="x" title="x"><itemBody><hotspotInteraction responseIdentifier="R"/></itemBody></assessmentItem>', 422, 'ITEMS.QTI_UNSUPPORTED_INTERACTION');
      await refused('<assessmentItem identifier="x" title="x"><itemBody><p>No interaction</p></itemBody></assessmentItem>', 422, 'ITEMS.QTI_UNSUPPORTED_INTERACTION');
    });
  });

  it('lets only authors import and export', async () => {
    const student = await kit.as(author, ['student']);
    expectProblem(await kit.request(student, 'POST', '/items/import', fixture('order-2p1.xml')), 403);
    expectProblem(await kit.request(student, 'GET', `/items/export?format=json&ids=${author.subject}`), 403);
    expectProblem(await kit.request(author, 'GET', '/items/export?format=yaml&ids=x'), 400);
  });
});

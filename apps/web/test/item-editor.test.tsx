// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderScreen } from './support/render';

// The typed API client keeps the `fetch` it finds when it is created: the fake goes in before any import.
const api = await vi.hoisted(async () => (await import('./support/fake-api')).installFakeApi());
api.answer((method, path, body) => {
  const json = (data: unknown, status = 200) => new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json', etag: '"1"' } });
  if (path === '/api/v1/skills') return json({ items: [], nextCursor: null });
  if (path === '/api/v1/items' && method === 'POST') return json({ id: '00000000-0000-4000-8000-0000000000aa', version: 1, status: 'draft', ...(body as object) }, 201);
  return json({ title: 'Not found', status: 404 }, 404);
});

const { default: ItemEdit } = await import('../src/areas/instructor/items/ItemEdit');

function renderEditor(type: string) {
  renderScreen(
    <Routes>
      <Route path="/teach/items/new" element={<ItemEdit />} />
      <Route path="/teach/items/:itemId" element={<p>saved</p>} />
    </Routes>,
    `/teach/items/new?type=${type}`,
  );
  return userEvent.setup();
}

/** The body of the item the editor created, as the API received it. */
async function savedBody(user: ReturnType<typeof userEvent.setup>): Promise<unknown> {
  await user.click(screen.getByRole('button', { name: 'Save draft' }));
  await screen.findByText('saved');
  const post = api.calls.find((call) => call.method === 'POST' && call.path === '/api/v1/items');
  return post?.body;
}

async function writeQuestion(user: ReturnType<typeof userEvent.setup>, title: string, stem: string) {
  if (title) await user.type(screen.getByLabelText('Title'), title);
  // Braces are key descriptors for user-event: `{{` types one `{`.
  await user.type(screen.getByLabelText('Question text', { exact: false }), stem.replace(/[{[]/g, (brace) => brace + brace));
}

beforeEach(() => {
  api.calls.length = 0;
});
afterEach(cleanup);

describe('the item editor', () => {
  it('writes a single-choice item as the API takes it, with the live preview following', async () => {
    const user = renderEditor('single_choice');
    await writeQuestion(user, 'Capital of France', 'Which city is the capital of France?');
    await user.type(screen.getByLabelText('Option A'), 'Lyon');
    await user.type(screen.getByLabelText('Option B'), 'Paris');
    await user.click(screen.getByRole('button', { name: 'Add option' }));
    await user.type(screen.getByLabelText('Option C'), 'Marseille');
    await user.click(screen.getByLabelText('Option B is correct'));
    await user.type(screen.getByLabelText('Feedback when option A is chosen (optional)'), 'Lyon is the third city.');

    const preview = within(screen.getByRole('region', { name: 'Preview as students see it' }));
    expect(preview.getByText('Which city is the capital of France?')).toBeTruthy();
    expect(preview.getAllByRole('radio').map((radio) => radio.parentElement?.textContent)).toEqual(['Lyon', 'Paris', 'Marseille']);
    expect(screen.getByRole('heading', { name: 'Ready to publish' })).toBeTruthy();

    expect(await savedBody(user)).toEqual({
      type: 'single_choice',
      title: 'Capital of France',
      stem: 'Which city is the capital of France?',
      options: [
        { id: 'A', text: 'Lyon', correct: false, feedback: 'Lyon is the third city.' },
        { id: 'B', text: 'Paris', correct: true },
        { id: 'C', text: 'Marseille', correct: false },
      ],
      shuffle: false,
    });
  });

  it('writes a numeric item with its tolerance, unit and other spellings of the unit', async () => {
    const user = renderEditor('numeric');
    await writeQuestion(user, 'Falling', 'How fast does a stone fall after one second?');
    await user.type(screen.getByLabelText('Correct value'), '9.81');
    await user.selectOptions(screen.getByLabelText('Tolerance'), 'relative');
    await user.clear(screen.getByLabelText('Allowed difference (%)'));
    await user.type(screen.getByLabelText('Allowed difference (%)'), '5');
    await user.type(screen.getByLabelText('Unit (optional)'), 'm/s');
    await user.type(screen.getByLabelText('Other spellings of the unit'), 'm s-1, metres per second');

    const preview = within(screen.getByRole('region', { name: 'Preview as students see it' }));
    expect(preview.getByLabelText('Your answer in m/s')).toBeTruthy();

    expect(await savedBody(user)).toEqual({
      type: 'numeric',
      title: 'Falling',
      stem: 'How fast does a stone fall after one second?',
      value: 9.81,
      tolerance: { mode: 'relative', amount: 0.05 },
      unit: 'm/s',
      unitAliases: ['m s-1', 'metres per second'],
    });
  });

  it('writes a matching item: prompts, answers (one a distractor) and the pairs', async () => {
    const user = renderEditor('matching');
    await writeQuestion(user, 'Capitals', 'Match each country with its capital.');
    for (const answer of ['Paris', 'Berlin', 'Madrid']) {
      await user.click(screen.getByRole('button', { name: 'Add answer' }));
      const fields = screen.getAllByLabelText(/^Answer T\d$/);
      await user.type(fields[fields.length - 1]!, answer);
    }
    for (const prompt of ['France', 'Germany']) {
      await user.click(screen.getByRole('button', { name: 'Add prompt' }));
      const fields = screen.getAllByLabelText(/^Prompt S\d$/);
      await user.type(fields[fields.length - 1]!, prompt);
    }
    await user.selectOptions(screen.getByLabelText('Prompt S2 matches'), 'T2');
    await user.selectOptions(screen.getByLabelText('Prompt S1 matches'), 'T1');

    expect(await savedBody(user)).toEqual({
      type: 'matching',
      title: 'Capitals',
      stem: 'Match each country with its capital.',
      sources: [{ id: 'S1', text: 'France' }, { id: 'S2', text: 'Germany' }],
      targets: [{ id: 'T1', text: 'Paris' }, { id: 'T2', text: 'Berlin' }, { id: 'T3', text: 'Madrid' }],
      pairs: [{ source: 'S1', target: 'T1' }, { source: 'S2', target: 'T2' }],
    });
  });

  it('writes a cloze item whose text marks a typed gap and a gap picked from a list', async () => {
    const user = renderEditor('cloze');
    await writeQuestion(user, 'Water', 'Water boils at');
    await user.click(screen.getByRole('button', { name: 'Add typed gap' }));
    await user.type(screen.getByLabelText('Accepted answer 1 for gap gap1'), '100');
    await user.click(screen.getByRole('button', { name: 'Add accepted answer' }));
    await user.type(screen.getByLabelText('Accepted answer 2 for gap gap1'), 'one hundred');
    await user.type(screen.getByLabelText('Question text', { exact: false }), ' degrees on the');
    await user.click(screen.getByRole('button', { name: 'Add list gap' }));
    await user.type(screen.getByLabelText('Gap gap2, choice A'), 'Celsius');
    await user.type(screen.getByLabelText('Gap gap2, choice B'), 'Fahrenheit');
    await user.click(screen.getByLabelText('Choice A is correct for gap gap2'));

    const preview = within(screen.getByRole('region', { name: 'Preview as students see it' }));
    expect(preview.getByRole('textbox', { name: 'Gap gap1' })).toBeTruthy();
    expect(preview.getByRole('combobox', { name: 'Gap gap2' })).toBeTruthy();

    expect(await savedBody(user)).toEqual({
      type: 'cloze',
      title: 'Water',
      stem: 'Water boils at {{gap1}} degrees on the {{gap2}}',
      gaps: [
        { id: 'gap1', kind: 'text', accepted: ['100', 'one hundred'] },
        { id: 'gap2', kind: 'choice', choices: [{ id: 'A', text: 'Celsius' }, { id: 'B', text: 'Fahrenheit' }], correct: 'A' },
      ],
    });
  });

  it('writes a code item with its language, starter code and visible and hidden test cases', async () => {
    const user = renderEditor('code');
    await writeQuestion(user, 'Add two numbers', 'Read two numbers and print their sum.');
    await user.selectOptions(screen.getByLabelText('Programming language'), 'javascript');
    await user.type(screen.getByLabelText('Starter code (optional)'), 'const [[a, b] = input;');
    await user.click(screen.getByRole('button', { name: 'Add test case' }));
    await user.type(screen.getByLabelText('Input of test case 1'), '1 2');
    await user.type(screen.getByLabelText('Expected output of test case 1'), '3');
    await user.click(screen.getByRole('button', { name: 'Add test case' }));
    await user.type(screen.getByLabelText('Input of test case 2'), '40 2');
    await user.type(screen.getByLabelText('Expected output of test case 2'), '42');
    await user.click(screen.getByLabelText('Hide test case 2 from students'));

    const preview = within(screen.getByRole('region', { name: 'Preview as students see it' }));
    expect(preview.getByText('1 more test is hidden.')).toBeTruthy();

    expect(await savedBody(user)).toEqual({
      type: 'code',
      title: 'Add two numbers',
      stem: 'Read two numbers and print their sum.',
      language: 'javascript',
      starterCode: 'const [a, b] = input;',
      testCases: [{ input: '1 2', expected: '3', hidden: false }, { input: '40 2', expected: '42', hidden: true }],
    });
  });

  it('writes an essay with its rubric', async () => {
    const user = renderEditor('essay');
    await writeQuestion(user, 'Why test?', 'Explain why automated tests matter.');
    await user.click(screen.getByRole('button', { name: 'Add criterion' }));
    await user.type(screen.getByLabelText('Criterion 1'), 'Clear argument');
    await user.clear(screen.getByLabelText('Points for criterion 1'));
    await user.type(screen.getByLabelText('Points for criterion 1'), '3');
    await user.click(screen.getByRole('button', { name: 'Add criterion' }));
    await user.type(screen.getByLabelText('Criterion 2'), 'Examples');
    await user.type(screen.getByLabelText('Expected length in words (optional)'), '150');

    expect(await savedBody(user)).toEqual({
      type: 'essay',
      title: 'Why test?',
      stem: 'Explain why automated tests matter.',
      rubric: [{ criterion: 'Clear argument', points: 3 }, { criterion: 'Examples', points: 1 }],
      expectedWords: 150,
    });
  });

  it('says what an incomplete item still lacks before it can be published', async () => {
    const user = renderEditor('single_choice');
    expect(screen.getByRole('heading', { name: '5 things to fix before publishing' })).toBeTruthy();
    await user.type(screen.getByLabelText('Title'), 'Half done');
    await user.type(screen.getByLabelText('Option A'), 'Yes');
    await user.type(screen.getByLabelText('Option B'), 'Yes');
    const checklist = screen.getByRole('region', { name: /before publishing/ });
    expect(within(checklist).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Write the question text.',
      'Two options have the same text.',
      'Mark the correct option.',
    ]);
    await user.click(screen.getByLabelText('Option A is correct'));
    await user.click(screen.getByLabelText('Option B is correct'));
    expect(within(checklist).queryByText('Mark the correct option.')).toBeNull();

    await user.selectOptions(screen.getByLabelText('Question type'), 'cloze');
    await writeQuestion(user, '', 'The answer is {{x}}');
    expect(screen.getByText('The marker {{x}} in the text has no gap yet.')).toBeTruthy();
    expect(screen.getByText('Add at least one gap.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Create gap x' }));
    expect(screen.getByText('Gap x needs an accepted answer.')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Question type'), 'numeric');
    await user.type(screen.getByLabelText('Correct value'), 'abc');
    expect(screen.getByText('Enter a number.')).toBeTruthy();
    expect(screen.getByText('Enter the correct value.')).toBeTruthy();
  });
});

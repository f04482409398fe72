import { testBackends } from '@tessera/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, PublishedCourse } from '../src/contract/index.js';
import { startCatalogKit, type CatalogKit, type Who } from './support/catalog-kit.js';

let kit: CatalogKit;
let author: Who;
let lessonId: string;
let courseId: string;

beforeAll(async () => {
  kit = await startCatalogKit();
  author = await kit.tenant(['instructor']);
  const course = await kit.course(author);
  courseId = course.id;
  lessonId = (await kit.lesson(author, (await kit.module(author, course.id)).id)).id;
});

afterAll(async () => kit?.close());

/** Known XSS vectors (OWASP filter evasion cheat sheet and friends), as HTML an author might paste. */
const htmlPayloads = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<IMG SRC=JaVaScRiPt:alert(1)>',
  '<img src=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href=" &#14;  javascript:alert(1)">click</a>',
  '<a href="jav&#x09;ascript:alert(1)">click</a>',
  '<a href="vbscript:msgbox(1)">click</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<a href="//evil.example/steal">protocol-relative</a>',
  '<div style="background:url(javascript:alert(1))">styled</div>',
  '<p style="width: expression(alert(1))">old IE</p>',
  '<style>@import "https://evil.example/x.css";</style>',
  '<body onload=alert(1)>',
  '<object data="https://evil.example/x.swf"></object>',
  '<embed src="https://evil.example/x.swf">',
  '<form action="https://evil.example"><input name=p></form>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="https://evil.example/">',
  '<link rel=stylesheet href="https://evil.example/x.css">',
  '<video><source onerror="alert(1)"></video>',
  '<p onclick="alert(1)" onmouseover="alert(1)">events</p>',
  '"><script>alert(1)</script>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
];

/** The same ideas written in Markdown (raw HTML in Markdown is not rendered, links are still checked). */
const markdownPayloads = [
  '[click](javascript:alert(1))',
  '[click](JAVASCRIPT:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](javascript:alert(1))',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](vbscript:msgbox(1))',
  '<a href="javascript:alert(1)">raw html link</a>',
];

/** Whatever survives must be inert: no script, no event handler, no active URL scheme, no embedding. */
function expectInert(html: string, payload: string): void {
  // Only markup can be active; escaped text such as "&lt;img onerror=...&gt;" is shown, not run.
  const lower = (html.match(/<[^>]*>/g) ?? []).join(' ').toLowerCase();
  expect(html.replace(/<[^>]*>/g, ''), payload).not.toMatch(/[<>]/);
  expect(lower, payload).not.toMatch(/<\s*(script|iframe|object|embed|style|svg|math|form|input|meta|base|link|body|details|video|source)\b/);
  expect(lower, payload).not.toMatch(/\son[a-z]+\s*=/);
  expect(lower, payload).not.toMatch(/(href|src)\s*=\s*"?\s*(javascript|vbscript|data):/);
  expect(lower, payload).not.toMatch(/(href|src)\s*=\s*"?\/\//);
  expect(lower, payload).not.toMatch(/\sstyle\s*=/);
  expect(lower, payload).not.toContain('srcdoc');
}

describe(`rich text sanitising (${testBackends.database})`, () => {
  it('strips every XSS vector of the payload list from pasted HTML', async () => {
    for (const payload of htmlPayloads) {
      const block = await kit.block(author, lessonId, { kind: 'rich_text', html: `<p>before</p>${payload}<p>after</p>` });
      expectInert(block.html ?? '', payload);
      expect(block.html, payload).toContain('<p>before</p>');
      expect(block.markdown).toBeNull();
    }
  });

  it('renders Markdown without raw HTML and with only safe links', async () => {
    for (const payload of markdownPayloads) {
      const block = await kit.block(author, lessonId, { kind: 'rich_text', markdown: `Intro\n\n${payload}` });
      expectInert(block.html ?? '', payload);
      expect(block.markdown).toBe(`Intro\n\n${payload}`);
    }
  });

  it('keeps ordinary formatting, safe links (with rel) and code blocks', async () => {
    const block = await kit.block(author, lessonId, {
      kind: 'rich_text',
      markdown: '# Title\n\n**bold** and *em*, [docs](https://example.org/x), `code`\n\n```ts\nconst x = 1;\n```\n\n- one\n- two',
    });
    expect(block.html).toContain('<h1>Title</h1>');
    expect(block.html).toContain('<strong>bold</strong>');
    expect(block.html).toContain('<a href="https://example.org/x" rel="noopener noreferrer nofollow">docs</a>');
    expect(block.html).toContain('<code class="language-ts">');
    expect(block.html).toContain('<li>one</li>');
  });

  it('sanitises on update too, and students get the sanitised HTML in the published version', async () => {
    const block = await kit.block(author, lessonId, { kind: 'rich_text', markdown: 'safe' });
    const updated = await kit.ok<Block>(author, 'PATCH', `/api/v1/blocks/${block.id}`, 200, { html: '<p>ok</p><img src=x onerror=alert(1)>' }, { 'if-match': '"1"' });
    expectInert(updated.html ?? '', 'update');
    // Blocks of earlier tests that were reduced to nothing would not publish; keep only this lesson's good ones.
    const blocks = await kit.ok<{ items: Block[] }>(author, 'GET', `/api/v1/lessons/${lessonId}/blocks`, 200);
    for (const other of blocks.items.filter((b) => b.id !== block.id && (b.html ?? '').replace(/<[^>]*>/g, '').trim() === '')) {
      await kit.ok(author, 'DELETE', `/api/v1/blocks/${other.id}`, 204, undefined, { 'if-match': `"${other.version}"` });
    }
    const published = await kit.publish(author, courseId);
    const student = await kit.user(author, ['student']);
    const seen = await kit.ok<PublishedCourse>(student, 'GET', `/api/v1/courses/${courseId}`, 200);
    expect(seen.version).toBe(published.version);
    for (const b of seen.modules.flatMap((m) => m.lessons.flatMap((l) => l.blocks))) expectInert(b.html ?? '', b.id);
  });
});

import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Raw HTML in Markdown is not rendered (`html: false`): authors who want HTML send it as `html`, which is
// sanitised the same way. The Markdown output is sanitised too, so one allow-list decides what students get.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

const headings = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const tables = ['table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption'];

/** The allow-list: structure and formatting, links and images over http(s), nothing that runs or styles. */
const policy: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'hr', 'blockquote', 'pre', 'code', 'strong', 'em', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'sub', 'sup',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'img', 'span', 'figure', 'figcaption', ...headings, ...tables],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    ol: ['start'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    code: ['class'],
  },
  allowedClasses: { code: [/^language-[\w-]{1,30}$/] },
  // No data:, javascript:, vbscript: — and no protocol-relative URLs that could point anywhere.
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Links open outside the platform without handing it the opener or the referrer.
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
};

/** HTML an author pasted, reduced to the allow-list. */
export function sanitizeRichHtml(html: string): string {
  return sanitizeHtml(html, policy);
}

/** Renders Markdown to sanitised HTML. */
export function renderMarkdown(source: string): string {
  return sanitizeRichHtml(markdown.render(source));
}

/** Plain text of sanitised HTML, for the search index. */
export function plainTextOf(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/&[a-z]+;|&#\d+;/gi, ' ').replace(/\s+/g, ' ').trim();
}

/** One notification as the email shows it. */
export interface EmailItem {
  title: string;
  body: string;
  /** An absolute URL into the web app, when the notification links somewhere. */
  url: string | null;
}

/** What an email says, in text and HTML, for one notification or a digest of several. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Words of the emails per locale (French or English; others read English). */
const WORDS = {
  en: { digest: (n: number) => `${n} updates`, open: 'Open', unsubscribe: 'Stop these emails', why: (org: string) => `You receive this because you study with ${org}.` },
  fr: { digest: (n: number) => `${n} nouvelles`, open: 'Ouvrir', unsubscribe: 'Ne plus recevoir ces e-mails', why: (org: string) => `Vous recevez ce message car vous étudiez avec ${org}.` },
} as const;

/** How an institution's emails look: its name, accent colour, logo and a footer line. */
export interface EmailBrand {
  organisation: string;
  color: string;
  logoUrl: string | null;
  footer: string | null;
}

export const DEFAULT_BRAND: EmailBrand = { organisation: 'Tessera', color: '#4338ca', logoUrl: null, footer: null };

/** The email for `items` (one: that notification; several: a digest), in the institution's brand. */
export function renderEmail(items: readonly EmailItem[], options: { locale: string; brand: EmailBrand; unsubscribeUrl: string }): RenderedEmail {
  const { brand } = options;
  const words = options.locale.toLowerCase().startsWith('fr') ? WORDS.fr : WORDS.en;
  const subject = items.length === 1 ? (items[0]?.title ?? '') : `${brand.organisation}: ${words.digest(items.length)}`;
  const textBlocks = items.map((item) => [item.title, item.body, item.url ? `${words.open}: ${item.url}` : ''].filter(Boolean).join('\n'));
  const text = [...textBlocks, '--', words.why(brand.organisation), ...(brand.footer ? [brand.footer] : []), `${words.unsubscribe}: ${options.unsubscribeUrl}`].join('\n\n');
  const htmlBlocks = items.map((item) => `<h2 style="font-size:18px;margin:0 0 8px">${escapeHtml(item.title)}</h2><p style="margin:0 0 8px">${escapeHtml(item.body)}</p>`
    + (item.url ? `<p style="margin:0 0 24px"><a href="${escapeHtml(item.url)}">${escapeHtml(words.open)}</a></p>` : ''));
  const html = `<!doctype html><html lang="${words === WORDS.fr ? 'fr' : 'en'}"><body style="font-family:system-ui,sans-serif;color:#1f2937;max-width:560px;margin:auto;padding:24px">`
    + header(brand) + htmlBlocks.join('').replaceAll('<a href=', `<a style="color:${escapeHtml(brand.color)}" href=`)
    + `<hr><p style="font-size:12px;color:#6b7280">${escapeHtml(words.why(brand.organisation))}${brand.footer ? `<br>${escapeHtml(brand.footer)}` : ''} <a href="${escapeHtml(options.unsubscribeUrl)}">${escapeHtml(words.unsubscribe)}</a></p></body></html>`;
  return { subject, text, html };
}

function header(brand: EmailBrand): string {
  const logo = brand.logoUrl ? `<img src="${escapeHtml(brand.logoUrl)}" alt="" height="32" style="vertical-align:middle;margin-right:8px">` : '';
  return `<p style="font-weight:600;color:${escapeHtml(brand.color)}">${logo}${escapeHtml(brand.organisation)}</p>`;
}

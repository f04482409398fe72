/** The longest SMS notify sends: two concatenated segments of GSM-7 text. */
export const SMS_MAX_CHARS = 320;

/**
 * One notification as an SMS: its title, its body shortened to fit, and the absolute link to it. The link is
 * never cut (a cut link leads nowhere); the body gives way first, then the title.
 */
export function smsText(item: { title: string; body: string; link: string | null }, publicUrl: string): string {
  const url = item.link ? `${publicUrl}${item.link}` : '';
  const tail = url ? `\n${url}` : '';
  const title = shorten(item.title.trim(), Math.max(0, SMS_MAX_CHARS - tail.length));
  const room = SMS_MAX_CHARS - title.length - tail.length - 1;
  const body = room > 1 ? shorten(item.body.trim(), room) : '';
  return `${title}${body ? `\n${body}` : ''}${tail}`.slice(0, SMS_MAX_CHARS);
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  return max <= 1 ? text.slice(0, max) : `${text.slice(0, max - 1).trimEnd()}…`;
}

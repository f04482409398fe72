/** The emails identity sends. The notify service takes templates over later; until then they live here. */
export type IdentityMail =
  | { kind: 'verify-email'; name: string; link: string }
  | { kind: 'reset-password'; name: string; link: string }
  | { kind: 'invitation'; name: string; link: string; invitedBy: string }
  | { kind: 'already-registered'; name: string; signInLink: string; resetLink: string };

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Renders a message for `tenantName`; every interpolated value is HTML-escaped in the HTML part. */
export function renderMail(mail: IdentityMail, tenantName: string): RenderedMail {
  const lines = linesOf(mail, tenantName);
  const html = `<!doctype html><html><body style="font-family:sans-serif">${lines.body
    .map((line) => (line.link ? `<p><a href="${escapeHtml(line.link)}">${escapeHtml(line.text)}</a></p>` : `<p>${escapeHtml(line.text)}</p>`))
    .join('')}</body></html>`;
  const text = lines.body.map((line) => (line.link ? `${line.text}: ${line.link}` : line.text)).join('\n\n');
  return { subject: lines.subject, text, html };
}

function linesOf(mail: IdentityMail, tenant: string): { subject: string; body: Array<{ text: string; link?: string }> } {
  switch (mail.kind) {
    case 'verify-email':
      return { subject: `Confirm your email for ${tenant}`, body: [
        { text: `Hello ${mail.name},` },
        { text: `Confirm your email address to finish creating your ${tenant} account.` },
        { text: 'Confirm my email', link: mail.link },
        { text: 'The link works once and expires in 24 hours. If you did not sign up, ignore this message.' },
      ] };
    case 'reset-password':
      return { subject: `Reset your ${tenant} password`, body: [
        { text: `Hello ${mail.name},` },
        { text: 'Someone (hopefully you) asked to reset your password.' },
        { text: 'Choose a new password', link: mail.link },
        { text: 'The link works once and expires in 30 minutes. If you did not ask, ignore this message: your password is unchanged.' },
      ] };
    case 'invitation':
      return { subject: `You are invited to ${tenant}`, body: [
        { text: `Hello ${mail.name},` },
        { text: `${mail.invitedBy} invited you to join ${tenant} on Tessera.` },
        { text: 'Accept the invitation', link: mail.link },
        { text: 'The link works once and expires in 7 days.' },
      ] };
    case 'already-registered':
      return { subject: `Your ${tenant} account`, body: [
        { text: `Hello ${mail.name},` },
        { text: 'Someone tried to sign up with your email address, but you already have an account.' },
        { text: 'Sign in', link: mail.signInLink },
        { text: 'Forgot your password? Reset it', link: mail.resetLink },
      ] };
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

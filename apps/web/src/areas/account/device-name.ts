/** A short, human name for a session's browser and system from its User-Agent ("Firefox on Windows"). */
export function deviceName(userAgent: string | null): { browser: string; system: string } | null {
  if (!userAgent) return null;
  const browser = [['Edg/', 'Edge'], ['OPR/', 'Opera'], ['Firefox/', 'Firefox'], ['Chrome/', 'Chrome'], ['Chromium/', 'Chromium'], ['Safari/', 'Safari']]
    .find(([marker]) => userAgent.includes(marker!))?.[1];
  const system = [['Android', 'Android'], ['iPhone', 'iPhone'], ['iPad', 'iPad'], ['Windows', 'Windows'], ['Mac OS X', 'macOS'], ['CrOS', 'ChromeOS'], ['Linux', 'Linux']]
    .find(([marker]) => userAgent.includes(marker!))?.[1];
  if (!browser && !system) return { browser: userAgent.slice(0, 60), system: '' };
  return { browser: browser ?? '', system: system ?? '' };
}

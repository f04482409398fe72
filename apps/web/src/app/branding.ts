import { useEffect, useState } from 'react';
import { api } from '../api/client';

export interface Branding {
  name: string;
  logoUrl?: string | undefined;
  primaryColor?: string | undefined;
  accentColor?: string | undefined;
}

/** The institution's name, logo and colours from its public page (what its sign-in page shows too). */
export function useBranding(tenant: string | undefined): Branding | null {
  const [branding, setBranding] = useState<Branding | null>(null);
  useEffect(() => {
    if (!tenant) return;
    let live = true;
    api.GET('/api/v1/tenants/{slug}/public', { params: { path: { slug: tenant } } }).then(({ data }) => {
      if (live && data) setBranding({ name: data.name, ...data.branding });
    }, () => undefined);
    return () => {
      live = false;
    };
  }, [tenant]);
  useEffect(() => applyColours(branding), [branding]);
  return branding;
}

/** Sets the brand colours only when white text on them stays readable (WCAG AA, 4.5:1). */
function applyColours(branding: Branding | null): void {
  const root = document.documentElement.style;
  for (const [variable, colour] of [['--brand', branding?.primaryColor], ['--accent', branding?.accentColor]] as const) {
    if (colour && contrastWithWhite(colour) >= 4.5) root.setProperty(variable, colour);
    else root.removeProperty(variable);
  }
}

export function contrastWithWhite(hex: string): number {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) return 0;
  const channel = (offset: number) => {
    const value = parseInt(match[1]!.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  return 1.05 / (luminance + 0.05);
}

import type { CSSProperties, ReactNode } from 'react';
import './identity.css';

/**
 * A table that scrolls sideways on narrow screens. The scrolling box is focusable and named, so keyboard
 * users can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function TableWrap({ label, children, style }: { label: string; children: ReactNode; style?: CSSProperties }) {
  return <div className="table-wrap table-scroll" role="region" aria-label={label} tabIndex={0} style={style}>{children}</div>;
}

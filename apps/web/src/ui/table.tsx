import type { CSSProperties, ReactNode } from 'react';

/**
 * A table that scrolls sideways on narrow screens. The scrolling box is focusable and named, so keyboard
 * users can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function TableWrap({ label, children, style }: { label: string; children: ReactNode; style?: CSSProperties }) {
  return <div className="table-wrap table-scroll" role="region" aria-label={label} tabIndex={0} style={style}>{children}</div>;
}

/**
 * A data table in a `TableWrap`: named by its caption (for screen readers only, unless `captionVisible`),
 * one column header per entry of `columns`, and `children` as its rows.
 */
export function DataTable({ caption, columns, children, captionVisible = false, style }: {
  caption: string;
  columns: ReactNode[];
  children: ReactNode;
  captionVisible?: boolean;
  style?: CSSProperties;
}) {
  return (
    <TableWrap label={caption} style={style}>
      <table>
        <caption className={captionVisible ? undefined : 'sr-only'}>{caption}</caption>
        <thead><tr>{columns.map((column, index) => <th key={index} scope="col">{column}</th>)}</tr></thead>
        <tbody>{children}</tbody>
      </table>
    </TableWrap>
  );
}

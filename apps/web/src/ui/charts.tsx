export interface Bar {
  label: string;
  value: number;
}

/**
 * A horizontal bar chart in SVG, with the same numbers in a visually hidden table so screen readers
 * (and anyone who prefers numbers) read the data rather than the picture.
 */
export function BarChart({ title, bars, max, format = (value) => String(value) }: { title: string; bars: Bar[]; max?: number; format?: (value: number) => string }) {
  const top = max ?? Math.max(1, ...bars.map((bar) => bar.value));
  const rowHeight = 28;
  const labelWidth = 140;
  const width = 520;
  const height = bars.length * rowHeight + 8;
  return (
    <figure style={{ margin: 0 }}>
      <figcaption style={{ fontWeight: 600 }}>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={title} style={{ maxWidth: `${width}px` }}>
        {bars.map((bar, index) => {
          const y = index * rowHeight + 4;
          const barWidth = Math.max(0, (bar.value / top) * (width - labelWidth - 60));
          return (
            <g key={`${bar.label}-${index}`}>
              <text x={0} y={y + 17} fontSize="13" fill="currentColor">{bar.label.length > 18 ? `${bar.label.slice(0, 17)}…` : bar.label}</text>
              <rect x={labelWidth} y={y + 4} width={barWidth} height={rowHeight - 10} rx={3} fill="var(--accent)" />
              <text x={labelWidth + barWidth + 6} y={y + 17} fontSize="13" fill="currentColor">{format(bar.value)}</text>
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <tbody>{bars.map((bar, index) => <tr key={index}><th scope="row">{bar.label}</th><td>{format(bar.value)}</td></tr>)}</tbody>
      </table>
    </figure>
  );
}

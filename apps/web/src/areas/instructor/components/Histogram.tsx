export interface Bin {
  label: string;
  count: number;
}

/**
 * A vertical bar chart of counts over ordered bins (a score distribution), in SVG, with the same numbers in
 * a visually hidden table so screen readers read the data rather than the picture.
 */
export function Histogram({ title, bins, xLabel, yLabel }: { title: string; bins: Bin[]; xLabel: string; yLabel: string }) {
  const top = Math.max(1, ...bins.map((bin) => bin.count));
  const width = 520;
  const height = 220;
  const left = 36;
  const bottom = 40;
  const plotWidth = width - left - 8;
  const plotHeight = height - bottom - 16;
  const barWidth = bins.length > 0 ? plotWidth / bins.length : plotWidth;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={title} style={{ maxWidth: `${width}px` }}>
        <line x1={left} y1={16} x2={left} y2={16 + plotHeight} stroke="currentColor" />
        <line x1={left} y1={16 + plotHeight} x2={left + plotWidth} y2={16 + plotHeight} stroke="currentColor" />
        <text x={4} y={24} fontSize="12" fill="currentColor">{top}</text>
        <text x={4} y={16 + plotHeight} fontSize="12" fill="currentColor">0</text>
        {bins.map((bin, index) => {
          const barHeight = (bin.count / top) * plotHeight;
          const x = left + index * barWidth;
          return (
            <g key={`${bin.label}-${index}`}>
              <rect x={x + 2} y={16 + plotHeight - barHeight} width={Math.max(1, barWidth - 4)} height={barHeight} fill="var(--accent)" />
              {bin.count > 0 ? <text x={x + barWidth / 2} y={12 + plotHeight - barHeight} fontSize="11" textAnchor="middle" fill="currentColor">{bin.count}</text> : null}
              {index % Math.ceil(bins.length / 10) === 0 ? <text x={x + barWidth / 2} y={height - 24} fontSize="11" textAnchor="middle" fill="currentColor">{bin.label}</text> : null}
            </g>
          );
        })}
        <text x={left + plotWidth / 2} y={height - 6} fontSize="12" textAnchor="middle" fill="currentColor">{xLabel}</text>
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead><tr><th scope="col">{xLabel}</th><th scope="col">{yLabel}</th></tr></thead>
        <tbody>{bins.map((bin, index) => <tr key={index}><th scope="row">{bin.label}</th><td>{bin.count}</td></tr>)}</tbody>
      </table>
    </figure>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { edgesOf, layersOf, type GraphNode } from './graph-layers';

const NODE_WIDTH = 150;
const NODE_HEIGHT = 36;
const GAP_X = 24;
const GAP_Y = 64;

/**
 * The skill graph as layered SVG: skills without prerequisites on top, an arrow from each prerequisite to
 * the skill that requires it. The edges are also listed in text (the drawing's alternative).
 */
export function SkillGraph({ nodes, selected }: { nodes: GraphNode[]; selected?: string | null }) {
  const { t } = useTranslation('instructor');
  const marker = `arrow-${useId().replace(/:/g, '')}`;
  const layers = layersOf(nodes);
  const widest = Math.max(1, ...layers.map((layer) => layer.length));
  const width = widest * (NODE_WIDTH + GAP_X) + GAP_X;
  const height = layers.length * (NODE_HEIGHT + GAP_Y) + GAP_Y / 2;
  const position = new Map<string, { x: number; y: number }>();
  layers.forEach((layer, row) => {
    const offset = (width - layer.length * (NODE_WIDTH + GAP_X) + GAP_X) / 2;
    layer.forEach((node, column) => position.set(node.id, { x: offset + column * (NODE_WIDTH + GAP_X), y: GAP_Y / 4 + row * (NODE_HEIGHT + GAP_Y) }));
  });
  const edges = edgesOf(nodes);
  const summary = t('skills.graphSummary', { skills: nodes.length, edges: edges.length });
  return (
    <figure className="chart">
      <figcaption>{t('skills.graph')}</figcaption>
      <div className="graph-scroll">
        <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={summary}>
          <defs>
            <marker id={marker} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill="var(--muted)" />
            </marker>
          </defs>
          {edges.map(({ from, to }) => {
            const start = position.get(from.id);
            const end = position.get(to.id);
            if (!start || !end) return null;
            const x1 = start.x + NODE_WIDTH / 2;
            const y1 = start.y + NODE_HEIGHT;
            const x2 = end.x + NODE_WIDTH / 2;
            const y2 = end.y;
            const bend = (y2 - y1) / 2;
            return <path key={`${from.id}-${to.id}`} d={`M ${x1} ${y1} C ${x1} ${y1 + bend}, ${x2} ${y2 - bend}, ${x2} ${y2 - 2}`} fill="none" stroke="var(--muted)" strokeWidth="1.5" markerEnd={`url(#${marker})`} />;
          })}
          {nodes.map((node) => {
            const at = position.get(node.id);
            if (!at) return null;
            const isSelected = node.id === selected;
            return (
              <g key={node.id}>
                <rect x={at.x} y={at.y} width={NODE_WIDTH} height={NODE_HEIGHT} rx={6} fill={isSelected ? 'var(--info-bg)' : 'var(--surface)'} stroke={isSelected ? 'var(--brand)' : 'var(--line)'} strokeWidth={isSelected ? 2 : 1} />
                <text x={at.x + NODE_WIDTH / 2} y={at.y + NODE_HEIGHT / 2 + 5} fontSize="13" textAnchor="middle" fill="var(--text)">{node.name.length > 20 ? `${node.name.slice(0, 19)}…` : node.name}</text>
              </g>
            );
          })}
        </svg>
      </div>
      <h3>{t('skills.edgesHeading', { count: edges.length })}</h3>
      {edges.length === 0 ? <p>{t('skills.noEdges')}</p> : (
        <ul className="edge-list">{edges.map(({ from, to }) => <li key={`${from.id}-${to.id}`}>{t('skills.edge', { from: from.name, to: to.name })}</li>)}</ul>
      )}
    </figure>
  );
}

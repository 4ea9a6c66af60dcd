// Over 250 lines on purpose: three small SVG charts that share one figure, legend and palette read best together.
// Bar charts drawn on the server as SVG: they need no script (signed-out readers get pages without any)
// and no charting library. Each chart is an image with a text title and description; the figures it
// draws are also in a table next to it, which is what screen readers and copy-paste should use.
import type { ReactNode } from 'react';

export type Series = { key: string; label: string; color: string };
type Row = { label: string; values: Record<string, number> };

const font = { fontFamily: 'system-ui, sans-serif', fontSize: 12 };
const ink = '#1a1a1a';
const grid = '#d9d4c7';

function Legend({ series }: { series: readonly Series[] }) {
  return (
    <ul className="chart__legend">
      {series.map((s) => (
        <li key={s.key}>
          <svg width="12" height="12" aria-hidden="true">
            <rect width="12" height="12" fill={s.color} />
          </svg>{' '}
          {s.label}
        </li>
      ))}
    </ul>
  );
}

function Figure({
  id,
  title,
  description,
  series,
  children,
}: {
  id: string;
  title: string;
  description: string;
  series?: readonly Series[];
  children: ReactNode;
}) {
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      {series && series.length > 1 && <Legend series={series} />}
      {children}
      <p id={`${id}-desc`} className="visually-hidden">
        {description}
      </p>
    </figure>
  );
}

/** A step for the axis that gives about four gridlines: 1, 2 or 5 times a power of ten. */
function niceStep(max: number): number {
  if (max <= 4) return 1;
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= rough)!;
}

/** One row per category, one bar per series (grouped), value written at the end of each bar. */
export function HorizontalBarChart({
  id,
  title,
  description,
  series,
  rows,
  format = String,
}: {
  id: string;
  title: string;
  description: string;
  series: readonly Series[];
  rows: readonly Row[];
  format?: (n: number) => string;
}) {
  const labelWidth = 190;
  const plotWidth = 360;
  const bar = 12;
  const rowHeight = series.length * (bar + 2) + 12;
  const height = rows.length * rowHeight + 8;
  const max = Math.max(1, ...rows.flatMap((row) => series.map((s) => row.values[s.key] ?? 0)));
  const scale = (n: number) => (n / max) * (plotWidth - 40);
  return (
    <Figure id={id} title={title} description={description} series={series}>
      <svg
        role="img"
        aria-labelledby={`${id}-caption`}
        aria-describedby={`${id}-desc`}
        viewBox={`0 0 ${labelWidth + plotWidth} ${height}`}
        width="100%"
        style={{ maxWidth: labelWidth + plotWidth }}
        {...font}
      >
        {rows.map((row, r) => {
          const y = r * rowHeight + 6;
          return (
            <g key={row.label}>
              <text x={labelWidth - 8} y={y + rowHeight / 2 - 2} textAnchor="end" fill={ink}>
                {row.label}
              </text>
              {series.map((s, i) => {
                const value = row.values[s.key] ?? 0;
                const barY = y + i * (bar + 2);
                return (
                  <g key={s.key}>
                    <rect
                      x={labelWidth}
                      y={barY}
                      width={Math.max(value ? 2 : 0, scale(value))}
                      height={bar}
                      fill={s.color}
                    >
                      <title>{`${row.label}, ${s.label}: ${format(value)}`}</title>
                    </rect>
                    <text x={labelWidth + scale(value) + 4} y={barY + bar - 2} fill={ink} fontSize={11}>
                      {format(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        <line x1={labelWidth} x2={labelWidth} y1={0} y2={height} stroke={ink} />
      </svg>
    </Figure>
  );
}

/** One column per period, the series stacked, with a value axis. */
export function ColumnChart({
  id,
  title,
  description,
  series,
  rows,
  format = String,
}: {
  id: string;
  title: string;
  description: string;
  series: readonly Series[];
  rows: readonly Row[];
  format?: (n: number) => string;
}) {
  const left = 44;
  const bottom = 34;
  const plotHeight = 160;
  const column = 34;
  const gap = 12;
  const width = left + rows.length * (column + gap) + 8;
  const totals = rows.map((row) => series.reduce((sum, s) => sum + (row.values[s.key] ?? 0), 0));
  const step = niceStep(Math.max(...totals, 0));
  const top = Math.max(step, Math.ceil(Math.max(...totals, 0) / step) * step);
  const y = (n: number) => 8 + plotHeight - (n / top) * plotHeight;
  const ticks = Array.from({ length: Math.floor(top / step) + 1 }, (_, i) => i * step);
  return (
    <Figure id={id} title={title} description={description} series={series}>
      <svg
        role="img"
        aria-labelledby={`${id}-caption`}
        aria-describedby={`${id}-desc`}
        viewBox={`0 0 ${width} ${plotHeight + bottom + 8}`}
        width="100%"
        style={{ maxWidth: width }}
        {...font}
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={left} x2={width} y1={y(tick)} y2={y(tick)} stroke={grid} />
            <text x={left - 6} y={y(tick) + 4} textAnchor="end" fill={ink} fontSize={11}>
              {format(tick)}
            </text>
          </g>
        ))}
        {rows.map((row, r) => {
          const x = left + gap / 2 + r * (column + gap);
          let base = 0;
          return (
            <g key={row.label}>
              {series.map((s) => {
                const value = row.values[s.key] ?? 0;
                const rect = (
                  <rect
                    key={s.key}
                    x={x}
                    y={y(base + value)}
                    width={column}
                    height={y(base) - y(base + value)}
                    fill={s.color}
                  >
                    <title>{`${row.label}, ${s.label}: ${format(value)}`}</title>
                  </rect>
                );
                base += value;
                return rect;
              })}
              <text x={x + column / 2} y={8 + plotHeight + 14} textAnchor="middle" fill={ink} fontSize={10}>
                {row.label}
              </text>
            </g>
          );
        })}
        <line x1={left} x2={width} y1={y(0)} y2={y(0)} stroke={ink} />
      </svg>
    </Figure>
  );
}

/** One bar split into the shares of its parts, e.g. automatic checks against moderators. */
export function ShareBar({
  id,
  title,
  description,
  parts,
}: {
  id: string;
  title: string;
  description: string;
  parts: readonly (Series & { value: number })[];
}) {
  const width = 550;
  const total = parts.reduce((sum, p) => sum + p.value, 0);
  const widths = parts.map((part) => (total ? (part.value / total) * width : 0));
  // Each part starts where the ones before it end.
  const starts = widths.map((_, i) => widths.slice(0, i).reduce((sum, w) => sum + w, 0));
  return (
    <Figure id={id} title={title} description={description} series={parts}>
      <svg
        role="img"
        aria-labelledby={`${id}-caption`}
        aria-describedby={`${id}-desc`}
        viewBox={`0 0 ${width} 28`}
        width="100%"
        style={{ maxWidth: width }}
        {...font}
      >
        {total === 0 && <rect width={width} height={28} fill={grid} />}
        {parts.map((part, i) => {
          const x = starts[i];
          const w = widths[i];
          const share = total ? Math.round((part.value / total) * 100) : 0;
          return (
            <g key={part.key}>
              <rect x={x} width={w} height={28} fill={part.color}>
                <title>{`${part.label}: ${part.value} (${share}%)`}</title>
              </rect>
              {w > 60 && (
                <text x={x + 6} y={18} fill="#fff">
                  {share}%
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </Figure>
  );
}

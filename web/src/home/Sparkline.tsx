/**
 * A scorecard's sparkline: a bare line of the last years' figures as an inline SVG (a few hundred
 * bytes per row, no chart library), so that every target row can carry one and the home stays light.
 */
export function Sparkline({
  points,
  label,
  colour,
  width = 96,
  height = 28,
}: {
  points: { year: number; value: number }[];
  label: string;
  colour: string;
  width?: number;
  height?: number;
}) {
  if (points.length < 2) return null;
  const values = points.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = 2;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / (points.length - 1);
  const y = (v: number) => (max === min ? height / 2 : pad + ((max - v) * (height - 2 * pad)) / (max - min));
  const line = points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const last = points[points.length - 1]!;
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      data-testid="sparkline"
      data-points={points.length}
    >
      <title>{label}</title>
      <polyline points={line} fill="none" stroke={colour} strokeWidth="1.5" strokeLinejoin="round" />
      <circle cx={x(points.length - 1)} cy={y(last.value)} r="2" fill={colour} />
    </svg>
  );
}

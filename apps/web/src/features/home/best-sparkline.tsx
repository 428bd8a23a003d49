import { sparklinePath, type BestPoint } from './sparkline.ts';
import styles from './home.module.css';

const WIDTH = 96;
const HEIGHT = 24;

/** The best value so far as a small step line; nothing before the first complete trial. */
export function Sparkline({
  points,
  lastTrial,
  label,
}: {
  points: readonly BestPoint[];
  lastTrial: number;
  label: string;
}) {
  const d = sparklinePath(points, lastTrial, WIDTH, HEIGHT);
  if (!d) return <span className="muted">—</span>;
  return (
    <svg className={styles.sparkline} width={WIDTH} height={HEIGHT} role="img" aria-label={label}>
      <path d={d} />
    </svg>
  );
}

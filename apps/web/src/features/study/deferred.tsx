'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';

/** How far outside the viewport a panel counts as near enough to render (a little ahead of a scroll). */
const ROOT_MARGIN = '100px 0px';

/**
 * Renders its children only while they are on screen, or about to be. Before a panel first comes near the
 * viewport it is an empty box of its height (a big study's page paints the summary, the chart and the table
 * first, not charts below the fold); once shown, a panel scrolled out of view keeps its last rendering and does
 * not follow the page's updates (live batches, brushes): returning the same element lets React skip the
 * subtree. It catches up as soon as it is near the viewport again.
 */
export function Deferred({ children, minHeight, placeholder }: { children: ReactNode; minHeight: number; placeholder?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (typeof IntersectionObserver !== 'function') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => setNear(entries.some((e) => e.isIntersecting)), { rootMargin: ROOT_MARGIN });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  // The element shown last: kept (the very same object) while the panel is away, so React does no work for it.
  const shown = useRef<ReactNode>(null);
  const everShown = useRef(false);
  if (near) {
    shown.current = children;
    everShown.current = true;
  }
  return (
    <div ref={ref} style={{ minHeight }} data-deferred={near ? 'shown' : everShown.current ? 'paused' : 'waiting'}>
      {everShown.current ? shown.current : (placeholder ?? null)}
    </div>
  );
}

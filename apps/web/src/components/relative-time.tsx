import { formatUtc, relativeTime } from '@/lib/format';

/**
 * A moment as a relative time ("5 min ago"), the exact moment (UTC) in its tooltip; `fallback` when there is none.
 * The server and the browser read the clock a moment apart and may disagree ("10 min ago" against "11 min ago"
 * across a minute): the text is exempt from React's hydration check, so a client component can show it.
 */
export function RelativeTime({ at, fallback = '—' }: { at: string | null | undefined; fallback?: string }) {
  if (!at) return <>{fallback}</>;
  return (
    <time dateTime={at} title={formatUtc(at)} suppressHydrationWarning>
      {relativeTime(at)}
    </time>
  );
}

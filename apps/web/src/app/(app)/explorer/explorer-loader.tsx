'use client';

import dynamic from 'next/dynamic';

// GraphiQL touches `window` and Monaco-sized globals on import: it only ever renders in the browser.
const GraphiqlExplorer = dynamic(() => import('./graphiql-explorer.tsx').then((m) => m.GraphiqlExplorer), {
  ssr: false,
  loading: () => (
    <div
      className="skeleton"
      style={{ height: 'calc(100vh - 200px)', minHeight: 480 }}
      aria-label="Loading"
    />
  ),
});

export function ExplorerLoader({ wsUrl }: { wsUrl: string }) {
  return <GraphiqlExplorer wsUrl={wsUrl} />;
}

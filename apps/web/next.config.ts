import type { NextConfig } from 'next';

const apiUrl = process.env.TUNEBOARD_API_URL ?? 'http://127.0.0.1:4000/graphql';

const config: NextConfig = {
  // Several builds may share this folder (a developer's `next dev` beside a test build): each can pick its own.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  // Types are checked by the workspace's own `typecheck` task (tsc); not twice per build.
  typescript: { ignoreBuildErrors: true },
  // The browser's GraphQL requests go to the dashboard's origin and are forwarded, so cookies stay first-party.
  async rewrites() {
    return [{ source: '/graphql', destination: apiUrl }];
  },
};

export default config;

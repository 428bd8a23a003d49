import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

// deploy/images/build.sh builds the dashboard's image from a standalone output (server.js and only the files it
// needs), traced from the repository's root so the workspace's hoisted node_modules are included.
const standalone = process.env.TUNEBOARD_WEB_STANDALONE === '1';

const config: NextConfig = {
  // Several builds may share this folder (a developer's `next dev` beside a test build): each can pick its own.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  ...(standalone ? { output: 'standalone' as const, outputFileTracingRoot: fileURLToPath(new URL('../..', import.meta.url)) } : {}),
  reactStrictMode: true,
  poweredByHeader: false,
  // The study contract (and the tuning package under it) are workspace packages shipped as TypeScript source.
  transpilePackages: ['@tuneboard/contract', '@tuneboard/tuning'],
  // Types are checked by the workspace's own `typecheck` task (tsc); not twice per build.
  typescript: { ignoreBuildErrors: true },
  // The browser's GraphQL requests go to the dashboard's origin (so cookies stay first-party) and are forwarded
  // to the API by src/app/graphql/route.ts at request time: no API address is baked into the build.
};

export default config;

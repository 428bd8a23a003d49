#!/usr/bin/env node
// The `tuneboard-runner` command: runs the TypeScript CLI through tsx, as `npm run runner` does.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');

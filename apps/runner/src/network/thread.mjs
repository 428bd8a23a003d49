// Entry of the runner's network thread (started by network/threaded-client.ts): TypeScript through tsx, as the CLI runs.
import { register } from 'tsx/esm/api';

register();
await import('./thread.ts');

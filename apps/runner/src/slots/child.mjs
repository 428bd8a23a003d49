// Entry of a slot's training process (forked by slot-processes.ts): TypeScript through tsx, as the CLI runs.
import { register } from 'tsx/esm/api';

register();
await import('./child.ts');

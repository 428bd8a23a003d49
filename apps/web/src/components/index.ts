export { AppShell } from './app-shell';
export { FieldError } from './field-error';
export { Panel } from './panel';
export { StateBadge } from './state-badge';

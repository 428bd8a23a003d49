export { AppShell } from './app-shell.tsx';
export { FieldError } from './field-error.tsx';
export { Panel } from './panel.tsx';
export { StateBadge } from './state-badge.tsx';

import type { ReactNode } from 'react';

/**
 * A titled box. While loading it shows a skeleton of `minHeight` and keeps that height when the content
 * arrives, so the page does not jump; an error replaces the content with its message.
 */
export function Panel({
  title,
  actions,
  loading = false,
  error,
  minHeight = 160,
  children,
  id,
}: {
  title?: ReactNode;
  actions?: ReactNode;
  loading?: boolean;
  error?: string | null;
  minHeight?: number;
  children?: ReactNode;
  id?: string;
}) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section className="panel" aria-labelledby={headingId} aria-busy={loading || undefined} id={id}>
      {(title || actions) && (
        <header className="panel-header">
          {title && <h2 id={headingId}>{title}</h2>}
          {actions && <div className="panel-actions">{actions}</div>}
        </header>
      )}
      <div className="panel-body" style={{ minHeight }}>
        {error ? (
          <p role="alert" className="error-text">
            {error}
          </p>
        ) : loading ? (
          <div className="skeleton" style={{ height: minHeight }} aria-label="Loading" />
        ) : (
          children
        )}
      </div>
    </section>
  );
}

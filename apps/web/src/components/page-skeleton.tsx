/** A route's loading state: the heading it will have and panels of fixed height, so nothing jumps later. */
export function PageSkeleton({ title, panels = [200] }: { title: string; panels?: number[] }) {
  return (
    <div aria-busy="true">
      <h1>{title}</h1>
      {panels.map((height, i) => (
        <div
          key={i}
          className="skeleton"
          style={{ height, marginBottom: '1rem' }}
          aria-label={`Loading ${title}`}
        />
      ))}
    </div>
  );
}

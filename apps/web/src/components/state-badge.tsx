/** A trial state or study status as a coloured label that shows the state's own text. */
export function StateBadge({ state }: { state: string }) {
  return (
    <span className="badge" data-state={state}>
      {state}
    </span>
  );
}

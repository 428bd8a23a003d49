import { tagColors } from './tag-color.ts';

/** Tags as chips coloured by a hash of their text, with a button to edit them. */
export function TagChips({ tags, onEdit }: { tags: readonly string[]; onEdit?: () => void }) {
  return (
    <div className="tag-chips" style={{ display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'center' }}>
      {tags.map((tag) => (
        <span key={tag} className="tag-chip" style={{ ...tagColors(tag), borderRadius: 12, padding: '1px 8px', fontSize: '0.85em' }}>
          {tag}
        </span>
      ))}
      {tags.length === 0 && <span className="muted">No tags.</span>}
      {onEdit && (
        <button type="button" onClick={onEdit}>
          Edit tags
        </button>
      )}
    </div>
  );
}

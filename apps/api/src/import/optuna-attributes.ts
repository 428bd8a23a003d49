// Optuna's user attributes (`trial.set_user_attr`, `study.set_user_attr`) as Tuneboard tags and notes.
import { NOTE_MAX, TAG_MAX, TAGS_MAX } from '../resolvers/notes.ts';

export interface AttributesAsNotes {
  /** Markdown: one line per attribute that did not fit a tag; '' when all did. */
  note: string;
  tags: string[];
  /** How many attributes became tags, and how many lines of the note. */
  asTags: number;
  inNote: number;
}

const NOTE_HEAD = 'Optuna user attributes:';

/** A markdown inline code span that holds any text (a fence one backtick longer than any run inside). */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text}${fence}`;
}

/**
 * Maps user attributes in order: an attribute whose value is a string, a finite number or a boolean becomes the
 * tag `key: value` (`key` alone for `true`) while that fits a tag (1 to 40 characters, one line) and the 20-tag
 * limit; any other (lists, objects, long text) becomes a line `- key: value` of a note, the value as JSON in a
 * code span. A note that would pass 20,000 characters ends with how many attributes were left out.
 */
export function attributesAsNotes(
  attributes: readonly { key: string; value_json: string }[],
): AttributesAsNotes {
  const tags: string[] = [];
  const lines: string[] = [];
  let length = NOTE_HEAD.length;
  let left = 0;
  let asTags = 0;
  for (const { key, value_json } of attributes) {
    let value: unknown;
    try {
      value = JSON.parse(value_json);
    } catch {
      value = value_json;
    }
    const scalar =
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value));
    if (scalar) {
      const tag = (value === true ? key : `${key}: ${String(value)}`).trim();
      if (tag.length > 0 && tag.length <= TAG_MAX && !/[\r\n]/.test(tag) && tags.length < TAGS_MAX) {
        if (!tags.includes(tag)) tags.push(tag);
        asTags += 1;
        continue;
      }
    }
    const line = `- ${code(key)}: ${code(typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)))}`;
    // Room is kept for the closing line that counts what was left out.
    if (left > 0 || length + 1 + line.length > NOTE_MAX - 80) {
      left += 1;
      continue;
    }
    lines.push(line);
    length += 1 + line.length;
  }
  if (left > 0)
    lines.push(
      `- … ${left} more attribute(s) left out: a note holds at most ${NOTE_MAX.toLocaleString('en')} characters`,
    );
  return {
    note: lines.length > 0 ? [NOTE_HEAD, ...lines].join('\n') : '',
    tags,
    asTags,
    inNote: lines.length - (left > 0 ? 1 : 0),
  };
}

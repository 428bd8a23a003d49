/**
 * The first object key that appears twice in a JSON text (which `JSON.parse` accepts, keeping the last value), as
 * `path` and `key`; undefined when there is none. Meant for text that already parsed: it only tracks strings,
 * brackets, colons and commas.
 */
export function duplicateJsonKey(text: string): { path: string; key: string } | undefined {
  const stack: { keys?: Set<string>; path: string; expectKey: boolean; lastKey?: string }[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const value = JSON.parse(text.slice(i, end + 1)) as string;
      if (top?.keys && top.expectKey) {
        if (top.keys.has(value)) return { path: top.path, key: value };
        top.keys.add(value);
        top.lastKey = value;
        top.expectKey = false;
      }
      i = end;
    } else if (c === '{' || c === '[') {
      const at = top
        ? top.keys
          ? `${top.path ? `${top.path}.` : ''}${top.lastKey ?? ''}`
          : `${top.path}[]`
        : '';
      stack.push(c === '{' ? { keys: new Set(), path: at, expectKey: true } : { path: at, expectKey: false });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',' && top?.keys) {
      top.expectKey = true;
    }
  }
  return undefined;
}

import { describe, expect, it } from 'vitest';
import { rankImportances } from './transform.ts';

describe('importance chart transform', () => {
  it('ranks largest first with shares of the total, dropping unusable values', () => {
    const out = rankImportances([
      { name: 'dropout', importance: 1 },
      { name: 'lr', importance: 3 },
      { name: 'bad', importance: Number.NaN },
      { name: 'neg', importance: -1 },
    ]);
    expect(out.map((i) => i.name)).toEqual(['lr', 'dropout']);
    expect(out.map((i) => i.share)).toEqual([0.75, 0.25]);
  });

  it('gives zero shares when every importance is zero', () => {
    expect(rankImportances([{ name: 'a', importance: 0 }]).map((i) => i.share)).toEqual([0]);
  });
});

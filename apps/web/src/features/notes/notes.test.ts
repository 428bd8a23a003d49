import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MarkdownNote } from './markdown-note.tsx';
import { parseTags, tagColors, tagHue } from './tag-color.ts';

const render = (text: string) => renderToStaticMarkup(createElement(MarkdownNote, { text }));

describe('note Markdown', () => {
  it('renders Markdown', () => {
    const html = render('# Plan\n\nTry **lower** lr, see [docs](https://example.com).');
    expect(html).toContain('<h1>Plan</h1>');
    expect(html).toContain('<strong>lower</strong>');
    expect(html).toContain('<a href="https://example.com">docs</a>');
  });

  it("renders GitHub's tables, strikethrough and bare links, still without raw HTML", () => {
    const html = render('| lr | loss |\n|---|---|\n| 0.01 | 0.3 |\n\n~~old~~ see https://example.com <b onclick="x()">b</b>');
    expect(html).toContain('<table>');
    expect(html).toContain('<td>0.01</td>');
    expect(html).toContain('<del>old</del>');
    expect(html).toContain('<a href="https://example.com">https://example.com</a>');
    expect(html).not.toContain('onclick');
  });

  it('never renders raw HTML: a <script>, an event handler or a javascript: link does not reach the page', () => {
    const html = render('Hi <script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[click](javascript:alert(3))');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/onerror/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('click');
  });
});

describe('tag colours', () => {
  it('gives one tag one colour, from a hash of its text', () => {
    expect(tagHue('baseline')).toBe(tagHue('baseline'));
    expect(tagColors('baseline')).toEqual(tagColors('baseline'));
    const hues = new Set(['baseline', 'mlp', 'cnn', 'lr-sweep', 'final', 'bug'].map(tagHue));
    expect(hues.size).toBeGreaterThan(4);
    for (const tag of ['', 'a', 'é', '🚀']) {
      const hue = tagHue(tag);
      expect(Number.isInteger(hue) && hue >= 0 && hue < 360).toBe(true);
    }
    expect(tagColors('mlp').background).toBe(`hsl(${tagHue('mlp')} 70% 88%)`);
  });

  it('reads a comma-separated line of tags', () => {
    expect(parseTags(' a, b ,, c ,')).toEqual(['a', 'b', 'c']);
    expect(parseTags('')).toEqual([]);
  });
});

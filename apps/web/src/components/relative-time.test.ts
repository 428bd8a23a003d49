import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RelativeTime } from './relative-time.tsx';

describe('RelativeTime', () => {
  it('shows the relative time in a <time> with the exact moment as its tooltip', () => {
    const at = new Date(Date.now() - 10 * 60_000).toISOString();
    const utc = at.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
    expect(renderToStaticMarkup(createElement(RelativeTime, { at }))).toBe(
      `<time dateTime="${at}" title="${utc}">10 min ago</time>`,
    );
  });

  it('shows the fallback without a moment', () => {
    expect(renderToStaticMarkup(createElement(RelativeTime, { at: null, fallback: 'never' }))).toBe('never');
    expect(renderToStaticMarkup(createElement(RelativeTime, { at: undefined }))).toBe('—');
  });
});

// Source of the in-page harness, bundled by esbuild from a string so it resolves React, d3 and the charts
// from apps/web (where they are dependencies) without bench importing the web workspace's files.
export const chartsHarness = String.raw`
import { createElement, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { ParallelCoordinates } from './index';

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// 7 parameters (log, int, categorical, conditional) + 1 objective = 8 axes.
const params = [
  { name: 'lr', kind: 'float', log: true, low: 1e-5, high: 1e-1 },
  { name: 'batch_size', kind: 'int', log: false, low: 16, high: 512 },
  { name: 'dropout', kind: 'float', log: false, low: 0, high: 0.6 },
  { name: 'optimizer', kind: 'categorical', log: false, choices: ['adam', 'sgd', 'rmsprop', 'adamw'] },
  { name: 'layers', kind: 'int', log: false, low: 1, high: 8 },
  { name: 'momentum', kind: 'float', log: false, low: 0.5, high: 0.99 },
  { name: 'weight_decay', kind: 'float', log: true, low: 1e-6, high: 1e-2 },
];
const objectives = [{ name: 'val_loss', direction: 'MINIMIZE' }];

function makeTrials(n) {
  const r = rng(42);
  const out = [];
  for (let i = 0; i < n; i++) {
    const lr = 10 ** (-5 + 4 * r());
    const optimizer = ['adam', 'sgd', 'rmsprop', 'adamw'][Math.floor(r() * 4)];
    const p = {
      lr,
      batch_size: 16 + Math.floor(r() * 497),
      dropout: r() * 0.6,
      optimizer,
      layers: 1 + Math.floor(r() * 8),
      momentum: optimizer === 'sgd' ? 0.5 + r() * 0.49 : undefined,
      weight_decay: 10 ** (-6 + 4 * r()),
    };
    const loss = (Math.log10(lr) + 3) ** 2 + p.dropout + r() * 0.3;
    const state = i % 17 === 0 ? 'RUNNING' : 'COMPLETE';
    out.push({ id: 't' + i, number: i, state, params: p, values: state === 'COMPLETE' ? [loss] : null, durationSeconds: 10 });
  }
  return out;
}

let setBrushOutside = null;
function Harness({ trials }) {
  const [brush, setBrush] = useState({});
  setBrushOutside = setBrush;
  return createElement(ParallelCoordinates, { trials, params, objectives, brush, onBrushChange: setBrush });
}

// Reading one pixel forces the canvas to rasterise, so the time covers the drawing, not just queuing it.
function settle(host) {
  const canvas = host.querySelector('canvas');
  canvas.getContext('2d').getImageData(0, 0, 1, 1);
}

function mount(trials) {
  const host = document.createElement('div');
  host.style.width = '1200px';
  document.body.appendChild(host);
  const root = createRoot(host);
  const t0 = performance.now();
  flushSync(() => root.render(createElement(Harness, { trials })));
  settle(host);
  const ms = performance.now() - t0;
  return { host, root, ms };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

window.__bench = {
  draw(n, reps) {
    const trials = makeTrials(n);
    const times = [];
    for (let i = 0; i < reps; i++) {
      const { host, root, ms } = mount(trials);
      times.push(ms);
      root.unmount();
      host.remove();
    }
    return { median: median(times), times };
  },
  async brush(n, reps) {
    const trials = makeTrials(n);
    const { host, root } = mount(trials);
    // Let the idle-time backdrop (every line, muted) draw first, as it would before a user reaches for a brush.
    await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => requestIdleCallback(r));
    await new Promise((r) => requestAnimationFrame(() => r()));
    const lines = Number(host.querySelector('[data-testid="parallel-coordinates"]').dataset.trialCount);
    const times = [];
    const selected = [];
    for (let i = 0; i < reps; i++) {
      const low = 10 ** (-4 + (i % 3) * 0.5);
      const brush = { 'param:lr': { kind: 'range', low, high: low * 10 }, 'param:optimizer': { kind: 'set', values: i % 2 ? ['adam', 'sgd'] : ['rmsprop'] } };
      const t0 = performance.now();
      flushSync(() => setBrushOutside(brush));
      settle(host);
      times.push(performance.now() - t0);
      selected.push(Number(host.querySelector('[data-testid="parallel-coordinates"]').dataset.selectedCount));
    }
    root.unmount();
    host.remove();
    return { median: median(times), times, lines, selected };
  },
};
document.title = 'ready';
`;

import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';
import { TtyProgress, formatProgress } from './progress.ts';

describe('formatProgress', () => {
  it('shows trial, study, epoch of total, the metric, elapsed time and ETA', () => {
    const text = formatProgress({
      number: 12,
      study: 'digits-mlp',
      unit: 'epoch',
      step: 7,
      total: 40,
      metric: { key: 'val_accuracy', value: 0.93125 },
      elapsedMs: 3_100,
      etaMs: 14_200,
    });
    expect(text).toBe('trial 12 · digits-mlp · epoch 7/40 · val_accuracy=0.9313 · 3.1 s elapsed · ETA 14.2 s');
  });

  it('leaves out the total and the ETA when the length of the trial is unknown', () => {
    const text = formatProgress({ number: 3, study: 's', unit: 'step', step: 120, elapsedMs: 600_000 });
    expect(text).toBe('trial 3 · s · step 120 · 10 min elapsed');
  });
});

describe('TtyProgress', () => {
  function terminal(columns = 80) {
    const screen = { text: '', columns, write: (chunk: string) => (screen.text += chunk) };
    return screen;
  }

  it('rewrites one status line and prints log lines above it', () => {
    const out = terminal();
    const progress = new TtyProgress(out);
    const log = createLogger('info', progress.write);
    progress.update('a', 'trial 1 · epoch 1/3');
    progress.update('a', 'trial 1 · epoch 2/3');
    log.info('claimed trial 2');
    progress.end('a');
    // Each update wipes the previous status (carriage return + erase line) before drawing the new one.
    expect(out.text.startsWith('trial 1 · epoch 1/3\r\x1b[Ktrial 1 · epoch 2/3\r\x1b[K')).toBe(true);
    // The log line got a line of its own, then the status came back, then went away with its trial.
    const wipe = '\r\x1b[K';
    expect(out.text.endsWith(` claimed trial 2\ntrial 1 · epoch 2/3${wipe}`)).toBe(true);
    expect(out.text.split(wipe).at(-2)).toMatch(/^\S+ claimed trial 2\ntrial 1 · epoch 2\/3$/);
  });

  it('shows every running trial on the one line, cut to the terminal width', () => {
    const out = terminal(40);
    const progress = new TtyProgress(out);
    progress.update('a', 'trial 1 · epoch 1/3');
    progress.update('b', 'trial 2 · epoch 9/10');
    const status = out.text.split('\r\x1b[K').at(-1)!;
    expect(status.startsWith('trial 1 · epoch 1/3  |  trial 2')).toBe(true);
    expect(status.length).toBeLessThanOrEqual(39);
    expect(status.endsWith('…')).toBe(true);
  });
});

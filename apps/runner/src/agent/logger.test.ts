import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

describe('createLogger', () => {
  it('reports the levels it writes as enabled and the ones it drops as disabled', () => {
    const lines: string[] = [];
    const log = createLogger('warn', (_level, line) => lines.push(line));
    expect([log.enabled('debug'), log.enabled('info'), log.enabled('warn'), log.enabled('error')]).toEqual([false, false, true, true]);
    log.info('dropped');
    log.warn('kept');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('WARN kept');
  });

  it('keeps its level in child loggers', () => {
    const lines: string[] = [];
    const child = createLogger('info', (_level, line) => lines.push(line)).child('[trial 3]');
    expect(child.enabled('info')).toBe(true);
    expect(child.enabled('debug')).toBe(false);
    child.info('epoch 1');
    expect(lines[0]).toContain('[trial 3] epoch 1');
  });
});

import { describe, expect, it } from 'vitest';
import {
  OPTUNA_UPLOAD_MAX_BYTES,
  browserTimeZone,
  timeZoneProblem,
  toBase64,
  uploadProblem,
} from './optuna-upload.ts';

describe('the Optuna upload form', () => {
  it('refuses a missing file, a file over 1 MiB and an empty study name, naming what to do', () => {
    expect(uploadProblem(null, 'x')).toMatch(/^Choose an Optuna SQLite file/);
    expect(uploadProblem({ name: 'big.db', size: OPTUNA_UPLOAD_MAX_BYTES + 1 }, 'x')).toMatch(
      /^big\.db has 1,048,577 bytes; uploads take at most 1,048,576 \(1 MiB\)\. Import larger storages with the admin CLI/,
    );
    expect(uploadProblem({ name: 'ok.db', size: 10 }, '  ')).toBe(
      'Name the Optuna study to import (its study_name).',
    );
    expect(uploadProblem({ name: 'ok.db', size: OPTUNA_UPLOAD_MAX_BYTES }, 'mixed')).toBeNull();
  });

  it("checks the writing machine's time zone with the contract's rule and starts from the browser's", () => {
    expect(timeZoneProblem('Europe/Paris')).toBeNull();
    expect(timeZoneProblem(' +02:00 ')).toBeNull();
    expect(timeZoneProblem('Paris')).toBe(
      'timeZone must be an IANA time zone such as "Europe/Paris" or "UTC", or an offset such as "+02:00", got "Paris"',
    );
    expect(browserTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('encodes bytes as base64 exactly as Node does, also past one chunk', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(toBase64(new Uint8Array())).toBe('');
  });
});

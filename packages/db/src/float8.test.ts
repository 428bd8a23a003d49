import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from './create-db.ts';
import { metric, trial } from './schema/index.ts';
import { createMetric, createTrial, testDatabases } from './testing/index.ts';

const specials = [Number.NaN, Infinity, -Infinity, -0, 0, 1e308, -1e308, 5e-324, 0.1 + 0.2, 123456.789];

describe.each(testDatabases)('float8 round-trips [$name]', (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.create();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('keeps NaN, ±Infinity, −0 and 1e308 in metric values exactly', async () => {
    const parent = await createTrial({}, handle.db);
    for (const [step, value] of specials.entries()) {
      await createMetric({ trialId: parent.id, key: 'loss', step, value }, handle.db);
    }
    const rows = await handle.db
      .select({ step: metric.step, value: metric.value })
      .from(metric)
      .where(eq(metric.trialId, parent.id))
      .orderBy(metric.step);
    expect(rows.map((row) => row.value)).toHaveLength(specials.length);
    rows.forEach((row, i) => expect(Object.is(row.value, specials[i])).toBe(true));
  });

  it('keeps the same values inside trial value arrays', async () => {
    const created = await createTrial({ values: specials, constraints: [-0, Number.NaN] }, handle.db);
    const [row] = await handle.db.select().from(trial).where(eq(trial.id, created.id));
    expect(row?.values).toHaveLength(specials.length);
    row?.values?.forEach((value, i) => expect(Object.is(value, specials[i])).toBe(true));
    expect(Object.is(row?.constraints?.[0], -0)).toBe(true);
    expect(row?.constraints?.[1]).toBeNaN();
  });

  it('keeps an empty array apart from no values at all', async () => {
    const empty = await createTrial({ values: [] }, handle.db);
    const none = await createTrial({}, handle.db);
    const rows = await handle.db.select({ id: trial.id, values: trial.values }).from(trial);
    expect(rows.find((row) => row.id === empty.id)?.values).toEqual([]);
    expect(rows.find((row) => row.id === none.id)?.values).toBeNull();
  });
});

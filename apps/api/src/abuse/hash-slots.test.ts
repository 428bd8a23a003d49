import { describe, expect, it, vi } from 'vitest';
import { HashSlots } from '../auth/hash-slots.ts';

describe('bounded concurrent password hashing', () => {
  it('runs `limit` at once, queues `queue` more and refuses the rest with RATE_LIMITED', async () => {
    const slots = new HashSlots(2, 1);
    const releases: (() => void)[] = [];
    let running = 0;
    let most = 0;
    const work = () =>
      slots.run(async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running -= 1;
        return 'hashed';
      });
    const held = [work(), work(), work()];
    await expect(work()).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    // Two run; the queued one starts when a slot frees.
    const releaseOne = async () => {
      await vi.waitFor(() => expect(releases.length).toBeGreaterThan(0));
      releases.shift()!();
    };
    expect(releases).toHaveLength(2);
    for (let i = 0; i < 3; i += 1) await releaseOne();
    expect(await Promise.all(held)).toEqual(['hashed', 'hashed', 'hashed']);
    expect(most).toBe(2);
    // Nothing stays taken: new work runs again.
    const again = work();
    await releaseOne();
    expect(await again).toBe('hashed');
  });
});

import { describe, expect, it } from 'vitest';
import { createTokenBucket } from '../../../adapters/slack/token-bucket.js';

function fakeTime() {
  let now = 0;
  const waits: number[] = [];
  return {
    now: () => now,
    advance: (ms: number) => (now += ms),
    waits,
    sleep: async (ms: number) => {
      waits.push(ms);
    },
  };
}

describe('createTokenBucket', () => {
  it('lets a burst through, then spaces concurrent sends evenly', async () => {
    const time = fakeTime();
    const bucket = createTokenBucket({ perMinute: 60, burst: 2, now: time.now, sleep: time.sleep });
    await Promise.all([bucket.take(), bucket.take(), bucket.take(), bucket.take()]);
    expect(time.waits).toEqual([1000, 2000]);
  });

  it('refills with time', async () => {
    const time = fakeTime();
    const bucket = createTokenBucket({ perMinute: 120, burst: 1, now: time.now, sleep: time.sleep });
    await bucket.take();
    time.advance(500);
    await bucket.take();
    time.advance(200);
    await bucket.take();
    expect(time.waits).toEqual([300]);
  });

  it('holds every later send back for a Retry-After pause', async () => {
    const time = fakeTime();
    const bucket = createTokenBucket({ perMinute: 600, burst: 5, now: time.now, sleep: time.sleep });
    await bucket.take();
    bucket.pauseFor(3000);
    await bucket.take();
    await bucket.take();
    // After the pause the workspace restarts gently: one send, then the normal spacing (100 ms).
    expect(time.waits).toEqual([3000, 3100]);
  });
});

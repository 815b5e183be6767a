import { afterEach, expect, it } from 'vitest';
import { closeEngines, openFreshEngine } from '../fakes/engine-backends.js';
import { describeEachBackend } from '../fakes/store-backends.js';

afterEach(closeEngines);

/**
 * The claims every engine keeps (engine-contract.test.ts covers the rest): one key at a time, or many in one
 * call (the reminder job's leases of a minute), held until they expire by the injected clock, freed only
 * by their owner, across a restart and across engines on the same data.
 */
describeEachBackend('store engine claims', (kind) => {
  it('holds a claim until it expires by the injected clock, or its owner releases it', async () => {
    const { engine, clock } = await openFreshEngine(kind);
    expect(await engine.claims.claim('reminder:1', 30_000)).toBe(true);
    expect(await engine.claims.claim('reminder:1', 30_000)).toBe(false);
    expect(await engine.claims.claim('reminder:2', 30_000)).toBe(true);
    clock.advance(29_999);
    expect(await engine.claims.claim('reminder:1', 30_000)).toBe(false);
    clock.advance(1);
    expect(await engine.claims.claim('reminder:1', 30_000)).toBe(true);
    await engine.claims.release('reminder:2');
    expect(await engine.claims.claim('reminder:2', 30_000)).toBe(true);
  });

  it('leaves a claim alone when the engine a restart opens releases it: only its owner frees it', async () => {
    const opened = await openFreshEngine(kind);
    expect(await opened.engine.claims.claim('digest:1', 60_000)).toBe(true);
    const restarted = await opened.reopen();
    expect(await restarted.claims.claim('digest:1', 60_000)).toBe(false);
    await restarted.claims.release('digest:1');
    expect(await restarted.claims.claim('digest:1', 60_000)).toBe(false);
    opened.clock.advance(60_000);
    expect(await restarted.claims.claim('digest:1', 60_000)).toBe(true);
    await restarted.claims.release('digest:1');
    expect(await restarted.claims.claim('digest:1', 60_000)).toBe(true);
  });

  it('claims many keys in one call: free ones granted, held ones refused, a key listed twice granted once', async () => {
    const { engine } = await openFreshEngine(kind);
    expect(await engine.claims.claim('lease:a', 30_000)).toBe(true);
    expect(await engine.claims.claimMany(['lease:a', 'lease:b', 'lease:c', 'lease:b'], 30_000)).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(await engine.claims.claimMany(['lease:b', 'lease:d'], 30_000)).toEqual([false, true]);
    expect(await engine.claims.claim('lease:c', 30_000)).toBe(false);
    expect(await engine.claims.claimMany([], 30_000)).toEqual([]);
    // Ids with the characters keys are made of, and unicode, are keys like any other.
    const odd = ['lease:ü:#1|%', 'lease:"quoted"', "lease:it's"];
    expect(await engine.claims.claimMany(odd, 30_000)).toEqual([true, true, true]);
    expect(await engine.claims.claimMany(odd, 30_000)).toEqual([false, false, false]);
  });

  it('takes over in a batch only the claims that expired by the injected clock', async () => {
    const { engine, clock } = await openFreshEngine(kind);
    expect(await engine.claims.claimMany(['lease:1', 'lease:2'], 30_000)).toEqual([true, true]);
    clock.advance(10_000);
    expect(await engine.claims.claimMany(['lease:3'], 30_000)).toEqual([true]);
    clock.advance(19_999);
    expect(await engine.claims.claimMany(['lease:1', 'lease:2', 'lease:3'], 30_000)).toEqual([false, false, false]);
    clock.advance(1);
    expect(await engine.claims.claimMany(['lease:1', 'lease:3', 'lease:2'], 30_000)).toEqual([true, false, true]);
    clock.advance(10_000);
    expect(await engine.claims.claimMany(['lease:3', 'lease:1'], 30_000)).toEqual([true, false]);
    await engine.claims.release('lease:1');
    expect(await engine.claims.claimMany(['lease:1'], 30_000)).toEqual([true]);
  });

  it('refuses a batch the claims another store holds, until they expire: after a restart, and beside it while both are open', async () => {
    const opened = await openFreshEngine(kind);
    expect(await opened.engine.claims.claimMany(['lease:1', 'lease:2'], 60_000)).toEqual([true, true]);
    const others = [await opened.reopen(), ...(opened.beside ? [await opened.beside()] : [])];
    for (const other of others) {
      expect(await other.claims.claimMany(['lease:1', 'lease:2'], 60_000)).toEqual([false, false]);
      await other.claims.release('lease:1');
      expect(await other.claims.claim('lease:1', 60_000)).toBe(false);
    }
    opened.clock.advance(60_000);
    const [restarted, beside] = others;
    expect(await restarted!.claims.claimMany(['lease:1', 'lease:2'], 60_000)).toEqual([true, true]);
    if (beside) expect(await beside.claims.claimMany(['lease:2', 'lease:1'], 60_000)).toEqual([false, false]);
  });

  // Not SQLite: its file belongs to one engine at a time (the restart cases above cover it).
  if (kind !== 'sqlite')
    it('leaves a claim alone when another engine on the same data releases it, while both are open', async () => {
      const opened = await openFreshEngine(kind);
      const { engine, clock } = opened;
      const other = await opened.beside!();
      expect(await engine.claims.claim('reminder:1', 1_000)).toBe(true);
      expect(await other.claims.claim('reminder:1', 1_000)).toBe(false);
      await other.claims.release('reminder:1');
      expect(await other.claims.claim('reminder:1', 1_000)).toBe(false);
      await engine.claims.release('reminder:1');
      expect(await other.claims.claim('reminder:1', 1_000)).toBe(true);
      clock.advance(500);
      await engine.claims.release('reminder:1'); // the other one's now
      expect(await engine.claims.claim('reminder:1', 1_000)).toBe(false);
    });

  if (kind !== 'sqlite')
    it('grants each key once when two engines on the same data claim overlapping batches at once', async () => {
      const opened = await openFreshEngine(kind);
      const engines = [opened.engine, await opened.beside!()];
      const keys = Array.from({ length: 40 }, (_, index) => `lease:${index}`);
      // Ten batches from each engine, each a different window of the same keys, all under way together.
      const batches = Array.from({ length: 20 }, (_, index) => keys.slice(index, index + 20 + (index % 3)));
      const results = await Promise.all(
        batches.map((batch, index) => engines[index % 2]!.claims.claimMany(batch, 60_000)),
      );
      const grants = new Map<string, number>();
      batches.forEach((batch, index) =>
        batch.forEach((key, at) => results[index]![at] && grants.set(key, (grants.get(key) ?? 0) + 1)),
      );
      const claimed = new Set(batches.flat());
      expect([...claimed].map((key) => grants.get(key))).toEqual([...claimed].map(() => 1));
    });
});

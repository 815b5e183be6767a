import { KeyvHooks, type Keyv } from 'keyv';

/**
 * Keyv's iterator over @keyv/sqlite pages by OFFSET and deletes each key it finds expired on the way,
 * which shifts the pages after it: a pass during which it deleted any may have skipped keys, so another
 * pass follows. Each pass deletes at least half the expired keys, so a few passes end it.
 */
const MAX_PASSES = 20;

/** Every entry of the Keyv namespace, each once (as Keyv's public iterator reads them: values, not envelopes). */
export async function* keyvEntries(keyv: Keyv): AsyncGenerator<[key: string, value: unknown]> {
  if (!keyv.iterator) throw new Error('this Keyv store cannot list its keys');
  const seen = new Set<string>();
  for (let pass = 1; ; pass += 1) {
    let expired = 0;
    const countExpired = () => void (expired += 1);
    keyv.hooks.addHandler(KeyvHooks.PRE_DELETE, countExpired);
    try {
      for await (const [key, value] of keyv.iterator(undefined) as AsyncGenerator<[string, unknown]>) {
        if (seen.has(key)) continue;
        seen.add(key);
        yield [key, value];
      }
    } finally {
      keyv.hooks.removeHandler(KeyvHooks.PRE_DELETE, countExpired);
    }
    if (expired === 0) return;
    if (pass >= MAX_PASSES) throw new Error(`Keyv kept deleting expired keys after ${pass} passes over them`);
  }
}

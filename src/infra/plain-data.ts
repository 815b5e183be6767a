/**
 * Plain data is what JSON holds: objects, arrays, strings, numbers, booleans and null (and own properties
 * left undefined). A learner record is copied two or three times and compared once per command, and
 * these do it several times faster than `structuredClone` and `isDeepStrictEqual`, with the same results
 * for plain data (docs/PERFORMANCE.md). Not for class instances, dates, maps, sparse arrays or cycles.
 */

/** A deep copy, as `structuredClone` makes it. */
export function copyPlain<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyPlain) as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = copyPlain((value as Record<string, unknown>)[key]);
    // An own "__proto__" (JSON.parse makes one) stays a property, as structuredClone keeps it.
    if (key === '__proto__')
      Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return copy as T;
}

/** Deep equality, as `isDeepStrictEqual` decides it: the same keys (an own undefined counts), the same values by Object.is. */
export function samePlain(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, index) => samePlain(item, other[index]));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) =>
      Object.hasOwn(b, key) && samePlain((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

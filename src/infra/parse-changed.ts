import { z } from 'zod';
import { samePlain } from './plain-data.js';

/**
 * `schema.parse(next)` for a value made by editing `base`, where `base` is itself what `schema` output (a
 * record read and validated, or saved). A part equal to its part in `base` is known valid and is taken from
 * `base`; only the parts that differ are parsed: objects and records field by field, anything else whole. The
 * result is what `schema.parse(next)` returns (unknown keys dropped, defaults filled, in the same key order),
 * and whatever that would refuse is refused by that very call, with its error. A `done` changes a mark, the
 * history and two figures of a record: the store checks those, not the whole record again (docs/PERFORMANCE.md).
 */
export function parseChanged<T>(schema: z.ZodType<T>, next: unknown, base: T): T {
  try {
    return parsePart(schema, next, base) as T;
  } catch {
    // The canonical refusal (or, were the shortcut ever to refuse what is valid, the full parse's result).
    return schema.parse(next);
  }
}

function parsePart(schema: z.ZodType, next: unknown, base: unknown): unknown {
  if (base !== undefined && samePlain(next, base)) return base;
  if (!isPlainObject(next) || !isPlainObject(base)) return schema.parse(next);
  if (schema instanceof z.ZodObject && schema.def.catchall === undefined) {
    const parsed: Record<string, unknown> = {};
    for (const [key, field] of Object.entries<z.ZodType>(schema.shape)) {
      const value = parsePart(field, next[key], base[key]);
      // As zod does: a key given (even as undefined) is kept; an absent one only when it has a default.
      if (Object.hasOwn(next, key) || value !== undefined) parsed[key] = value;
    }
    return parsed;
  }
  if (schema instanceof z.ZodRecord) {
    const keys = Object.keys(next);
    // Names an object literal cannot simply hold are left to zod itself (test/core/prototype-names.test.ts).
    if (keys.some((key) => key === '__proto__')) return schema.parse(next);
    const parsed: Record<string, unknown> = {};
    for (const key of keys) {
      z.parse(schema.keyType, key);
      parsed[key] = parsePart(
        schema.valueType as z.ZodType,
        next[key],
        Object.hasOwn(base, key) ? base[key] : undefined,
      );
    }
    return parsed;
  }
  return schema.parse(next);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

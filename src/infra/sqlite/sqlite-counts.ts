import type { Query, SerialConnection } from './serial-connection.js';

/**
 * The kept size of every counted set of a group, by the rest of the set's name: one range of the primary
 * key. A group's name ends with "/" (statsGroup), and "0" is the character after "/", so every name in the
 * group sorts in [group, group with its "/" made "0").
 */
export async function readCounts(query: Query, namespace: string, group: string): Promise<Map<string, number>> {
  const end = `${group.slice(0, -1)}${String.fromCharCode(group.charCodeAt(group.length - 1) + 1)}`;
  const rows = await query<{ set_key: string; count: number }>(
    'SELECT set_key, count FROM set_counts WHERE namespace = ? AND set_key >= ? AND set_key < ?',
    namespace,
    group,
    end,
  );
  return new Map(
    rows.filter((row) => row.set_key.startsWith(group)).map((row) => [row.set_key.slice(group.length), row.count]),
  );
}

/** Sets each set's kept size to its members' number (none: no count), in one transaction. */
export async function recountSets(
  connection: SerialConnection,
  namespace: string,
  sets: readonly string[],
): Promise<void> {
  if (sets.length === 0) return;
  await connection.transaction(async (query) => {
    await query(
      `INSERT INTO set_counts (namespace, set_key, count)
        SELECT ?1, value, (SELECT count(*) FROM set_members WHERE namespace = ?1 AND set_key = value)
        FROM json_each(?2) WHERE true
        ON CONFLICT (namespace, set_key) DO UPDATE SET count = excluded.count`,
      namespace,
      JSON.stringify(sets),
    );
    await query('DELETE FROM set_counts WHERE namespace = ? AND count <= 0', namespace);
  });
}

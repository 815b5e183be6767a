import type { BoardPage, RankedEntry } from '../../ports/store.js';
import type { BoardRow } from '../store-engine.js';
import { entryOf, memberOfSlot, parseRow, scoreOf } from './board-rows.js';
import type { RedisKeys } from './redis-keys.js';
import { itself, scanOnce } from './scan-once.js';
import { redisScript, type RedisClient } from './redis-script.js';

const SCAN_COUNT = 200;

/**
 * A board page in one round trip, read at one instant. KEYS: the ranking and the rows hash; ARGV[1]: the
 * limit, ARGV[2]: the caller ('' for none). Returns the leaders (slot, score, ...), their hash entries, the
 * total, and the caller's hash entry, score and rank (false when they have no row).
 */
const topScript = redisScript(`
local limit = tonumber(ARGV[1])
local leaders = {}
if limit > 0 then leaders = redis.call('ZRANGE', KEYS[1], 0, limit - 1, 'WITHSCORES') end
local members = {}
for index = 1, #leaders, 2 do members[#members + 1] = string.sub(leaders[index], 18) end
local stored = {}
for first = 1, #members, 1000 do
  local values = redis.call('HMGET', KEYS[2], unpack(members, first, math.min(first + 999, #members)))
  for _, value in ipairs(values) do stored[#stored + 1] = value end
end
local self, score, rank = false, false, false
if ARGV[2] ~= '' then
  self = redis.call('HGET', KEYS[2], ARGV[2])
  local parsed, row = false, nil
  if self then parsed, row = pcall(cjson.decode, self) end
  if parsed and type(row) == 'table' and type(row.slot) == 'string' then
    score = redis.call('ZSCORE', KEYS[1], row.slot)
    if score then rank = redis.call('ZCOUNT', KEYS[1], '-inf', '(' .. score) + 1 end
  end
end
return { leaders, stored, redis.call('ZCARD', KEYS[1]), self, score, rank }
`);

type TopReply = [string[], Array<string | null>, number, string | null, string | null, number | null];

/** The top `limit` rows of a board with competition ranks (1, 2, 2, 4), and the caller's row. */
export async function readTop(
  client: RedisClient,
  keys: RedisKeys,
  board: string,
  limit: number,
  member?: string,
): Promise<BoardPage> {
  const { ranking, rows } = keys.board(board);
  const reply = (await topScript.run(client, [ranking, rows], [String(Math.max(0, limit)), member ?? ''])) as TopReply;
  const [leaders, stored, total, self, selfScore, selfRank] = reply;
  const page: BoardPage = { rows: [], total };
  for (let index = 0; index < leaders.length; index += 2) {
    const score = Number(leaders[index + 1]);
    const previous = page.rows.at(-1);
    const rank = previous && scoreOf(previous) === score ? previous.rank : index / 2 + 1;
    const entry = entryOf(memberOfSlot(leaders[index]!), score, parseRow(stored[index / 2]));
    page.rows.push({ ...entry, rank });
  }
  if (member !== undefined && selfScore !== null && selfRank !== null) {
    const entry: RankedEntry = { ...entryOf(member, Number(selfScore), parseRow(self)), rank: selfRank };
    page.self = entry;
  }
  return page;
}

/** Every row of every board: each ranking page by page (the rows a page shows), with its hash entries. */
export async function* scanBoardRows(client: RedisClient, keys: RedisKeys): AsyncIterable<BoardRow> {
  const pattern = { MATCH: keys.boardPattern(), TYPE: 'zset', COUNT: SCAN_COUNT };
  for await (const rankings of scanOnce(client.scanIterator(pattern), itself)) {
    for (const ranking of rankings) {
      const board = keys.boardOfRanking(ranking);
      const { rows } = keys.board(board);
      for await (const page of scanOnce(client.zScanIterator(ranking, { COUNT: SCAN_COUNT }), (row) => row.value)) {
        const members = page.map(({ value }) => memberOfSlot(value));
        const stored = await client.hmGet(rows, members);
        for (const [index, { score }] of page.entries())
          yield { board, entry: entryOf(members[index]!, score, parseRow(stored[index])) };
      }
    }
  }
}

import { countGroupOf } from '../../model/index-set.js';
import type { EngineCommit, SetRow } from '../store-engine.js';
import { placeOf } from './board-rows.js';
import { rosterEntry } from './redis-rosters.js';
import type { RedisKeys } from './redis-keys.js';
import { redisScript } from './redis-script.js';

/**
 * One engine commit as one script. KEYS: every key it touches. ARGV[1]: the changes as JSON, naming keys by
 * their index in KEYS; ARGV[2]: the record text the commit expects ('' = none), ARGV[3]: the text to store,
 * ARGV[4]: the set-aside entry. Redis does not undo a script that fails half-way, so everything (shapes,
 * numbers, and the type each key already holds) is checked before the first write; a stale record writes nothing.
 */
export const commitScript = redisScript(`
local function invalid(why) error('invalid commit: ' .. why, 0) end
local decoded, commit = pcall(cjson.decode, ARGV[1])
if not decoded or type(commit) ~= 'table' then invalid('changes are not JSON') end
local types = {}
local function key(index, kind)
  if type(index) ~= 'number' or KEYS[index] == nil then invalid('no key ' .. tostring(index)) end
  if types[index] ~= nil and types[index] ~= kind then invalid('key ' .. index .. ' used as two types') end
  types[index] = kind
  return KEYS[index]
end
local function text(value, what)
  if type(value) ~= 'string' then invalid(what .. ' is not text') end
  return value
end
local function rows(value, what, width)
  if value == nil then return {} end
  if type(value) ~= 'table' then invalid(what .. ' is not a list') end
  local count = 0
  for _ in pairs(value) do count = count + 1 end
  if count ~= #value then invalid(what .. ' is not a list') end
  for _, row in ipairs(value) do
    if type(row) ~= 'table' or #row ~= width then invalid(what .. ' holds a malformed row') end
  end
  return value
end

local record = commit.record
local recordKey, setAsideKey
if record ~= nil then
  if type(record) ~= 'table' then invalid('record is not an object') end
  recordKey = key(record.key, 'string')
  if record.setAside ~= nil then setAsideKey = key(record.setAside, 'list') end
  if record.delete ~= true and record.delete ~= false then invalid('record.delete is not a boolean') end
end
local keep = commit.keep
if keep ~= nil then
  if setAsideKey == nil then invalid('a set-aside entry without a learner record') end
  if type(keep) ~= 'number' or keep < 1 or keep % 1 ~= 0 then invalid('keep is not a count') end
end
local addSets = rows(commit.addSets, 'addSets', 4)
local removeSets = rows(commit.removeSets, 'removeSets', 4)
for _, list in ipairs({ addSets, removeSets }) do
  for _, row in ipairs(list) do
    key(row[1], 'set')
    text(row[2], 'a set member')
    if row[3] ~= 0 then key(row[3], 'hash') end
    text(row[4], 'a count field')
  end
end
local putBoards = rows(commit.putBoards, 'putBoards', 6)
for _, row in ipairs(putBoards) do
  key(row[1], 'zset')
  key(row[2], 'hash')
  text(row[3], 'a board member')
  text(row[4], 'a slot')
  local score = tonumber(text(row[5], 'a score'))
  if score == nil or score ~= score or score == math.huge or score == -math.huge then invalid('a score is not a number') end
  text(row[6], 'a board row')
end
local removeBoards = rows(commit.removeBoards, 'removeBoards', 3)
for _, row in ipairs(removeBoards) do
  key(row[1], 'zset')
  key(row[2], 'hash')
  text(row[3], 'a board member')
end
local putRosters = rows(commit.putRosters, 'putRosters', 4)
for _, row in ipairs(putRosters) do
  key(row[1], 'zset')
  key(row[2], 'hash')
  text(row[3], 'a roster member')
  text(row[4], 'a roster entry')
end
local removeRosters = rows(commit.removeRosters, 'removeRosters', 3)
for _, row in ipairs(removeRosters) do
  key(row[1], 'zset')
  key(row[2], 'hash')
  text(row[3], 'a roster member')
end
for index, kind in pairs(types) do
  local stored = redis.call('TYPE', KEYS[index])['ok']
  if stored ~= 'none' and stored ~= kind then invalid('key ' .. index .. ' holds a ' .. stored .. ', not a ' .. kind) end
end

if record ~= nil then
  local current = redis.call('GET', recordKey) or ''
  if current ~= ARGV[2] then return 0 end
  if record.delete then
    redis.call('DEL', recordKey)
    if setAsideKey ~= nil then redis.call('DEL', setAsideKey) end
  elseif ARGV[3] ~= current then
    redis.call('SET', recordKey, ARGV[3])
  end
  if keep ~= nil then
    redis.call('RPUSH', setAsideKey, ARGV[4])
    redis.call('LTRIM', setAsideKey, -keep, -1)
  end
end
-- A counted set's size changes only with a membership that really changed (SREM/SADD say whether it did).
for _, row in ipairs(removeSets) do
  if redis.call('SREM', KEYS[row[1]], row[2]) == 1 and row[3] ~= 0 then
    if redis.call('HINCRBY', KEYS[row[3]], row[4], -1) <= 0 then redis.call('HDEL', KEYS[row[3]], row[4]) end
  end
end
for _, row in ipairs(addSets) do
  if redis.call('SADD', KEYS[row[1]], row[2]) == 1 and row[3] ~= 0 then
    redis.call('HINCRBY', KEYS[row[3]], row[4], 1)
  end
end
local function takeOut(ranking, hash, member)
  local old = redis.call('HGET', hash, member)
  if not old then return end
  local parsed, previous = pcall(cjson.decode, old)
  if parsed and type(previous) == 'table' and type(previous.slot) == 'string' then
    redis.call('ZREM', ranking, previous.slot)
  end
end
for _, row in ipairs(removeBoards) do
  takeOut(KEYS[row[1]], KEYS[row[2]], row[3])
  redis.call('HDEL', KEYS[row[2]], row[3])
end
for _, row in ipairs(putBoards) do
  takeOut(KEYS[row[1]], KEYS[row[2]], row[3])
  redis.call('ZADD', KEYS[row[1]], row[5], row[4])
  redis.call('HSET', KEYS[row[2]], row[3], row[6])
end
for _, row in ipairs(removeRosters) do
  local old = redis.call('HGET', KEYS[row[2]], row[3])
  if old then redis.call('ZREM', KEYS[row[1]], old) end
  redis.call('HDEL', KEYS[row[2]], row[3])
end
for _, row in ipairs(putRosters) do
  local old = redis.call('HGET', KEYS[row[2]], row[3])
  if old then redis.call('ZREM', KEYS[row[1]], old) end
  redis.call('ZADD', KEYS[row[1]], 0, row[4])
  redis.call('HSET', KEYS[row[2]], row[3], row[4])
end
return 1
`);

/** What ARGV[1] of the commit script holds: keys by their (1-based) index in KEYS. */
export interface CommitChanges {
  record?: { key: number; setAside?: number; delete: boolean };
  /** Set-aside entries kept (ARGV[4] is appended). */
  keep?: number;
  /** `counts`: the group's counts hash (0 when the set is not counted), `field`: the set's field in it. */
  addSets: Array<[set: number, member: string, counts: number, field: string]>;
  removeSets: Array<[set: number, member: string, counts: number, field: string]>;
  putBoards: Array<[ranking: number, rows: number, member: string, slot: string, score: string, row: string]>;
  removeBoards: Array<[ranking: number, rows: number, member: string]>;
  putRosters: Array<[order: number, rows: number, member: string, entry: string]>;
  removeRosters: Array<[order: number, rows: number, member: string]>;
}

/** The commit script's KEYS and ARGV for one engine commit. */
export function encodeCommit(keys: RedisKeys, commit: EngineCommit): { keys: string[]; args: string[] } {
  const touched: string[] = [];
  const indexes = new Map<string, number>();
  const at = (key: string): number => {
    let index = indexes.get(key);
    if (index === undefined) indexes.set(key, (index = touched.push(key)));
    return index;
  };
  const { record, rows } = commit;
  const setRow = ({ set, member }: SetRow): CommitChanges['addSets'][number] => {
    const group = countGroupOf(set);
    const counts = group === undefined ? 0 : at(keys.counts(group));
    return [at(keys.set(set)), member, counts, group === undefined ? '' : set.slice(group.length)];
  };
  const rosterKeys = (roster: string) => {
    const { order, rows: hash } = keys.roster(roster);
    return [at(order), at(hash)] as const;
  };
  const changes: CommitChanges = {
    addSets: rows.addSets.map(setRow),
    removeSets: rows.removeSets.map(setRow),
    putRosters: rows.putRosters.map(({ roster, member, key }) => [
      ...rosterKeys(roster),
      member,
      rosterEntry(key, member),
    ]),
    removeRosters: rows.removeRosters.map(({ roster, member }) => [...rosterKeys(roster), member]),
    putBoards: rows.putBoards.map(({ board, entry }) => {
      const { ranking, rows: hash } = keys.board(board);
      const { slot, score, row } = placeOf(entry);
      return [at(ranking), at(hash), entry.member, slot, score, row];
    }),
    removeBoards: rows.removeBoards.map(({ board, member }) => {
      const { ranking, rows: hash } = keys.board(board);
      return [at(ranking), at(hash), member];
    }),
  };
  let setAsideEntry = '';
  if (record) {
    const learner = record.kind === 'learner';
    changes.record = {
      key: at(keys.record(record.kind, record.key)),
      delete: record.next === undefined,
      ...(learner && { setAside: at(keys.setAside(record.key)) }),
    };
    if (learner && commit.setAside) {
      changes.keep = commit.setAside.keep;
      setAsideEntry = JSON.stringify(commit.setAside.entry);
    }
  }
  return {
    keys: touched,
    args: [JSON.stringify(changes), record?.expected ?? '', record?.next ?? '', setAsideEntry],
  };
}

import { COUNTED_SET_PREFIX } from '../../model/index-set.js';
import type { RecordKind } from '../store-engine.js';

/** The index set families, as encodeIndexSet names them: what a scan of the sets looks for. */
const SET_FAMILIES = ['due:', 'digest-due:', 'workspace:', COUNTED_SET_PREFIX] as const;

/**
 * Where the engine files everything under one namespace (`<namespace>::…`), and the SCAN patterns that
 * find each family again. Keyv's records (`record:`), the claims (`claim:`) and the send budgets (`budget:`) live beside them.
 */
export class RedisKeys {
  readonly prefix: string;

  constructor(readonly namespace: string) {
    this.prefix = `${namespace}::`;
  }

  record(kind: RecordKind, key: string): string {
    return `${this.prefix}${kind}:${key}`;
  }

  setAside(learner: string): string {
    return `${this.prefix}set-aside:${learner}`;
  }

  set(name: string): string {
    return `${this.prefix}${name}`;
  }

  /** A board's sorted set (the order) and hash (each member's name, reachedAt and place in the order). */
  board(board: string): { ranking: string; rows: string } {
    return { ranking: `${this.prefix}board:${board}:ranking`, rows: `${this.prefix}board:${board}:rows` };
  }

  /** The kept sizes of a group's counted sets: a hash, one field per set (the rest of its name). */
  counts(group: string): string {
    return `${this.prefix}counts:${group}`;
  }

  /** A roster's sorted set (every score 0, each entry "key\nmember": Redis orders them bytewise) and hash (member -> entry). */
  roster(roster: string): { order: string; rows: string } {
    return { order: `${this.prefix}roster:${roster}:order`, rows: `${this.prefix}roster:${roster}:rows` };
  }

  countsPattern(): { match: string; countsPrefix: string } {
    const countsPrefix = `${this.prefix}counts:`;
    return { match: `${globEscape(countsPrefix)}*`, countsPrefix };
  }

  rosterPattern(): string {
    return `${globEscape(`${this.prefix}roster:`)}*:order`;
  }

  /** The roster an order key found by `rosterPattern` belongs to. */
  rosterOfOrder(order: string): string {
    return order.slice(`${this.prefix}roster:`.length, -':order'.length);
  }

  claim(key: string): string {
    return `${this.prefix}claim:${key}`;
  }

  /** A send budget's permits of the last window (a sorted set by grant time), its even pace and its pause. */
  budget(scope: string): { granted: string; pace: string; pause: string } {
    const base = `${this.prefix}budget:${scope}`;
    return { granted: `${base}:granted`, pace: `${base}:pace`, pause: `${base}:pause` };
  }

  /** The data's version, so an engine knows what an older one left to move. */
  get schema(): string {
    return `${this.prefix}schema`;
  }

  /** SCAN MATCH pattern of a kind of record; the record's key is what follows `recordPrefix`. */
  recordPattern(kind: RecordKind): { match: string; recordPrefix: string } {
    const recordPrefix = this.record(kind, '');
    return { match: `${globEscape(recordPrefix)}*`, recordPrefix };
  }

  /** SCAN MATCH patterns of the four index set families; a set's name is what follows `prefix`. */
  setPatterns(): string[] {
    return SET_FAMILIES.map((family) => `${globEscape(this.set(family))}*`);
  }

  boardPattern(): string {
    return `${globEscape(`${this.prefix}board:`)}*:ranking`;
  }

  /** The board a ranking key found by `boardPattern` belongs to. */
  boardOfRanking(ranking: string): string {
    return ranking.slice(`${this.prefix}board:`.length, -':ranking'.length);
  }

  /** Where the digest settings of an older version are (Keyv records under `record:digest:<board>`). */
  oldDigestPattern(): { match: string; recordPrefix: string } {
    const recordPrefix = `${this.prefix}record:digest:`;
    return { match: `${globEscape(recordPrefix)}*`, recordPrefix };
  }
}

/** A literal for a SCAN MATCH pattern (a namespace or id may hold `*`, `?`, `[` or `\`). */
export function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

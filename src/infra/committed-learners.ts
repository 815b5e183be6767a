import { encodeIndexSet } from '../model/index-set.js';
import { learnerRecordSchema, type LearnerRecord } from '../model/learner.js';
import type { LearnerId, WorkspaceId } from '../model/learner-id.js';
import { decodeSlotId, type ReminderSlotId } from '../model/slot-id.js';
import { ChangeRefused, type LearnerStore, type Mutation, type SetAsideRecord } from '../ports/store.js';
import { nextTurn } from '../model/next-turn.js';
import type { AssembleOptions } from './assemble-store.js';
import { KeyedMutex } from './keyed-mutex.js';
import { copyPlain } from './plain-data.js';
import { encodeRows, rowChanges, rowToTakeOut, type EncodedRows } from './row-changes.js';
import { noRowChanges, type StoreEngine } from './store-engine.js';
import { SET_ASIDE_KEPT, logSetAside, parseStoredText, readStoredLearner } from './stored-learner.js';

/** Attempts at one update when other processes keep saving the same record first. */
export const MAX_ATTEMPTS = 25;
/**
 * Learner records this process last read or wrote, kept so a command that reads and then changes one reads
 * it once, and so a record read again as the same text is not decoded, validated and derived again.
 */
const RECENT_RECORDS = 1_000;

interface Known {
  /** The stored text (undefined: none stored). */
  text: string | undefined;
  record: LearnerRecord | undefined;
  /** The rows the record derives, once worked out: kept with it, as the record is never changed in place. */
  rows?: EncodedRows;
}

const NO_ROWS: EncodedRows = Object.freeze({ sets: [], boards: [], rosters: [] });

/**
 * Learner records on an engine. Within a process, updates to one learner queue behind each other. An
 * update first tries the record as this process last saw it: an embedded engine is only written by this
 * process, so that is the stored one; on a shared engine the commit checks it still is, and a change that
 * writes nothing (or refuses) is decided again on a fresh read. A record that fails validation is set
 * aside by a commit that replaces it, only if it is still the stored one.
 */
export class CommittedLearners implements LearnerStore {
  private readonly recent = new Map<string, Known>();
  private readonly mutex = new KeyedMutex();

  constructor(
    private readonly engine: StoreEngine,
    private readonly options: AssembleOptions,
  ) {}

  async get(id: LearnerId): Promise<LearnerRecord | undefined> {
    const known = (!this.engine.shared && this.recent.get(id)) || (await this.mutex.run(id, () => this.read(id)));
    return known.record && copyPlain(known.record);
  }

  update<T>(
    id: LearnerId,
    change: (current: LearnerRecord | undefined) => Mutation<LearnerRecord, T>,
    sent?: (result: T) => void,
  ): Promise<T> {
    return this.mutex.run(id, async () => {
      for (let attempt = 1; ; attempt += 1) {
        const seen = attempt === 1 ? this.recent.get(id) : undefined;
        const known = seen ?? (await this.read(id));
        // Only a shared engine's cached record may be old; an embedded one's is the stored one.
        const mayBeOld = seen !== undefined && this.engine.shared;
        let mutation: Mutation<LearnerRecord, T>;
        try {
          mutation = change(known.record && copyPlain(known.record));
        } catch (error) {
          // A refusal ("already done") decided on a record that may be old is decided again on the stored one.
          if (mayBeOld) continue;
          throw error;
        }
        const { next, result } = mutation;
        if (next === undefined) {
          if (mayBeOld) continue;
          return result;
        }
        let saved: LearnerRecord | undefined;
        if (next !== null) {
          next.rev = (known.record?.rev ?? 0) + 1;
          saved = learnerRecordSchema.parse(next);
        }
        const text = saved && JSON.stringify(saved);
        const rows = this.rowsOf(id, saved);
        const changes = rowChanges(this.knownRows(id, known), rows);
        // Forgotten first: if the commit fails, the next read asks the engine what it holds.
        this.recent.delete(id);
        const committing = this.engine.commit({
          record: { kind: 'learner', key: id, expected: known.text, next: text },
          rows: changes,
        });
        if (sent) {
          // Handled now (it is awaited below): a failure while the caller works must not count as unhandled.
          committing.catch(() => undefined);
          await nextTurn();
          sent(result);
        }
        if (await committing) {
          if (saved) this.remember(id, { text, record: saved, rows });
          return result;
        }
        // Its result is in use already: the caller decides again on what is stored now.
        if (sent) throw new ChangeRefused(id);
        if (attempt >= MAX_ATTEMPTS)
          throw new Error(`learner ${id} kept changing under ${MAX_ATTEMPTS} attempts to update it`);
        if (!mayBeOld) await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * attempt));
      }
    });
  }

  setAside(id: LearnerId): Promise<SetAsideRecord[]> {
    return this.engine.setAside(id);
  }

  async inWorkspace(workspace: WorkspaceId): Promise<LearnerId[]> {
    return (await this.engine.members(encodeIndexSet({ kind: 'workspace', workspace }))) as LearnerId[];
  }

  async due(minute: number): Promise<ReminderSlotId[]> {
    return (await this.engine.members(encodeIndexSet({ kind: 'reminders', minute }))) as ReminderSlotId[];
  }

  async settle(minute: number, slot: ReminderSlotId): Promise<void> {
    const set = encodeIndexSet({ kind: 'reminders', minute });
    const learner = decodeSlotId(slot)?.learner;
    if (!learner) {
      await this.engine.commit({ rows: { ...noRowChanges(), removeSets: [{ set, member: slot }] } });
      return;
    }
    await this.mutex.run(learner, async () => {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
        const known = await this.read(learner);
        const held = this.knownRows(learner, known).sets.some((row) => row.member === slot && row.set === set);
        if (held) return;
        const removeSets = [{ set, member: slot }];
        const commit = { kind: 'learner' as const, key: learner, expected: known.text, next: known.text };
        if (await this.engine.commit({ record: commit, rows: { ...noRowChanges(), removeSets } })) return;
      }
      throw new Error(`learner ${learner} kept changing under ${MAX_ATTEMPTS} attempts to settle a slot`);
    });
  }

  /** The rows a record derives, by the core's rule, as the engine files them. */
  private rowsOf(id: LearnerId, record: LearnerRecord | undefined): EncodedRows {
    return record ? encodeRows(this.options.learnerRows(id, record)) : NO_ROWS;
  }

  /** The rows of a record as read or written, worked out once. */
  private knownRows(id: LearnerId, known: Known): EncodedRows {
    return (known.rows ??= this.rowsOf(id, known.record));
  }

  /** The stored record (call under the learner's lock); one that fails validation is set aside first. */
  private async read(id: LearnerId): Promise<Known> {
    for (let attempt = 1; ; attempt += 1) {
      const text = await this.engine.read('learner', id);
      if (text === undefined) return { text, record: undefined };
      // The text this process read or wrote last: the record it holds was validated then, its rows derived.
      const seen = this.recent.get(id);
      if (seen?.text === text) return this.remember(id, seen);
      const stored = readStoredLearner(parseStoredText(text), this.options.clock.now());
      if (stored.valid) return this.remember(id, { text, record: stored.record });
      const fresh = JSON.stringify(stored.fresh);
      // What the unreadable record derived is unknown: its board rows are found by the boards it listed.
      // (Its counted sets and roster rows are left for store:check, as its reminder slots are for `settle`.)
      const before: EncodedRows = {
        sets: [],
        boards: stored.fresh.boards.map((board) => rowToTakeOut(board, id)),
        rosters: [],
      };
      const committed = await this.engine.commit({
        record: { kind: 'learner', key: id, expected: text, next: fresh },
        rows: rowChanges(before, this.rowsOf(id, stored.fresh)),
        setAside: { entry: stored.setAside, keep: SET_ASIDE_KEPT },
      });
      if (committed) {
        logSetAside(this.options.logger, id, stored.setAside);
        return this.remember(id, { text: fresh, record: stored.fresh });
      }
      if (attempt >= MAX_ATTEMPTS)
        throw new Error(`learner ${id} kept changing under ${MAX_ATTEMPTS} attempts to set it aside`);
    }
  }

  private remember(id: string, known: Known): Known {
    this.recent.delete(id);
    this.recent.set(id, known);
    if (this.recent.size > RECENT_RECORDS) this.recent.delete(this.recent.keys().next().value!);
    return known;
  }
}

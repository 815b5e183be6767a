import { learnerExport } from '../learners/learner-export.js';
import type { LearnerRecord } from '../model/learner.js';
import type { SetAsideRecord } from '../ports/store.js';
import { isoInZone } from '../reminders/zoned-time.js';
import { SENT_MARK_MS } from '../reminders/deliver-reminder.js';
import type { Command } from './command.js';

export const exportCommand: Command = {
  name: 'export',
  description: 'Your own data, as JSON',
  usage: 'export',
  options: [],
  async run({ learner, store, path }) {
    const record = await store.learners.get(learner.key);
    if (!record) return { visibility: 'private', tone: 'info', text: "I don't store anything about you." };
    const zone = record.zone ?? 'UTC';
    return {
      visibility: 'private',
      tone: 'info',
      title: 'Your data',
      text: [
        `Everything this bot stores about you (times in ${zone}):`,
        `\`\`\`json\n${formatJson(learnerExport(record, learner.user, path))}\n\`\`\``,
        ...setAside(await store.learners.setAside(learner.key), zone),
        ...derived(record),
      ].join('\n'),
    };
  },
};

/** Saved progress that could not be read, exactly as it was stored, so nothing the learner did is out of reach. */
function setAside(records: SetAsideRecord[], zone: string): string[] {
  if (records.length === 0) return [];
  const shown = records.map(({ at, issues, raw }) => ({ setAsideAt: isoInZone(zone, at), unreadableAt: issues, raw }));
  return [
    "Saved progress I couldn't read and set aside, as it was stored:",
    `\`\`\`json\n${formatJson(shown)}\n\`\`\``,
  ];
}

/** What is kept beside the record and worked out from it, so the learner knows it exists. */
function derived(record: LearnerRecord): string[] {
  const kept = [
    ...(record.boards.length > 0 ? ['your rows on those leaderboards (name, resources, minutes)'] : []),
    ...(Object.values(record.paths).some((state) => state.reminder)
      ? [
          `your reminder's place in the schedule and, for ${SENT_MARK_MS / 86_400_000} days, which reminders went out (so none comes twice)`,
        ]
      : []),
  ];
  return kept.length > 0 ? [`Also kept, worked out from this: ${kept.join('; ')}.`] : [];
}

/** A one-line object or array longer than this is spread over lines (one of plain values never is). */
const ONE_LINE_MAX = 120;

/** JSON with one line per item: an object or array of plain values, or a short one, stays on one line. */
export function formatJson(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries: Array<[string | undefined, unknown]> = Array.isArray(value)
    ? value.map((item) => [undefined, item])
    : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return `${open}${close}`;
  const key = (name: string | undefined) => (name === undefined ? '' : `${JSON.stringify(name)}: `);
  const plain = entries.every(([, item]) => item === null || typeof item !== 'object');
  const oneLine = `${open}${entries.map(([name, item]) => `${key(name)}${formatJson(item, indent)}`).join(', ')}${close}`;
  if (plain || (!oneLine.includes('\n') && oneLine.length <= ONE_LINE_MAX)) return oneLine;
  const inner = `${indent}  `;
  return `${open}\n${entries.map(([name, item]) => `${inner}${key(name)}${formatJson(item, inner)}`).join(',\n')}\n${indent}${close}`;
}

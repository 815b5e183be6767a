import { describe, expect, it } from 'vitest';
import { renderConsoleReply } from '../../../adapters/console/render-console-reply.js';
import { timeToken } from '../../../src/model/time-token.js';
import type { Reply } from '../../../src/model/reply.js';

/** Wed 25 Nov 2026 09:00 UTC (10:00 in Berlin). */
const AT = Date.UTC(2026, 10, 25, 9, 0);

const reply: Reply = {
  visibility: 'private',
  tone: 'success',
  title: `Paused until ${timeToken(AT, 'date', 'Wed 25 Nov')}`,
  text: [
    `Next reminder: **${timeToken(AT, 'date-time', 'Wed 10:00 Europe/Berlin')}**.`,
    `✅ Done at ${timeToken(AT, 'time', '10:00')}`,
  ].join('\n'),
  fields: [{ name: `Plan from ${timeToken(AT, 'date', 'Wed 25 Nov')}`, value: timeToken(AT, 'date', 'Wed 25 Nov') }],
  footer: `Back on ${timeToken(AT, 'date', 'Wed 25 Nov')}`,
};

describe("times in the console: the learner's zone, as plain text", () => {
  it("reads the reply in the learner's zone, exactly as before tokens", () => {
    expect(renderConsoleReply(reply)).toBe(
      [
        '✔ Paused until Wed 25 Nov',
        'Next reminder: Wed 10:00 Europe/Berlin.',
        '✅ Done at 10:00',
        'Plan from Wed 25 Nov',
        '  Wed 25 Nov',
        'Back on Wed 25 Nov',
      ].join('\n'),
    );
  });
});

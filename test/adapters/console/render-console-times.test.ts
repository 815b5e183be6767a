import { describe, expect, it } from 'vitest';
import { renderConsoleReply } from '../../../adapters/console/render-console-reply.js';
import { timedReply } from '../../fixtures/timed-reply.js';

const reply = timedReply;

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

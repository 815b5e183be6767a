import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startConsole } from '../../../adapters/console/start-console.js';
import { renderConsoleReply } from '../../../adapters/console/render-console-reply.js';
import { createTestBot } from '../../fakes/test-bot.js';
import { eventually } from '../../support/eventually.js';

describe('the console chat in process', () => {
  it('shows a reminder when it falls due, and its buttons can be pressed by number', async () => {
    const t = await createTestBot({ now: Date.UTC(2026, 10, 25, 8, 59) });
    const input = new PassThrough();
    let output = '';
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const chat = startConsole({
      bot: t.bot,
      logger: t.logger,
      options: { input, output: sink, userName: 'Tess', channel: 'general', interactive: false },
    });
    const said = (line: string) => void input.write(`${line}\n`);
    said('/webrtc remind 09:00 UTC');
    await eventually(() => expect(output).toContain('09:00 UTC')); // answered: the reminder is set
    t.clock.set(Date.UTC(2026, 10, 25, 9, 0));
    expect((await t.bot.reminders.tick()).sent).toBe(1);
    expect(output).toContain(
      [
        '🔔 Reminder for Tess',
        'ℹ ⏰ Time for WebRTC: WebRTC Basics (30 min) <https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API>',
        'Article · 30 min · Phase 1, 1 of 2',
        'Understanding WebRTC and its capabilities',
        'Afterwards: Move to resource 2',
        'Path         ░░░░░░░░░░ 0%  0 of 240 min done (0 of 7 resources)',
        '[1] Done   [2] Snooze…   [3] Skip today',
      ].join('\n'),
    );
    said('2');
    await eventually(() =>
      expect(output).toContain(
        'Remind you again when?\n[1] 1 hour (10:00)   [2] 3 hours (12:00)   [3] This evening (19:00)   [4] Tomorrow (Thu 09:00)',
      ),
    );
    said('3');
    await eventually(() => expect(output).toContain("Snoozed. I'll remind you again at Wed 19:00 UTC."));
    input.end();
    await chat;
  });
});

describe('renderConsoleReply', () => {
  it('turns the Markdown subset into plain text with numbered buttons', () => {
    expect(
      renderConsoleReply({
        visibility: 'private',
        tone: 'success',
        title: 'Done',
        text: '**Bold** and _focus_ [a link](https://example.org/x) `code`',
        fields: [{ name: 'Where', value: 'Phase 1 · 1 of 2', inline: true }],
        progress: [{ label: 'Path', done: 1, total: 4, detail: '1 of 4' }],
        footer: 'foot',
        buttons: [
          { label: 'Done', style: 'success', action: { id: 'done', value: 'x' } },
          { label: 'Skip', style: 'secondary', action: { id: 'skip', value: 'x' } },
        ],
      }),
    ).toBe(
      '✔ Done\nBold and focus a link <https://example.org/x> code\nWhere: Phase 1 · 1 of 2\nPath         ▓▓▓░░░░░░░ 25%  1 of 4\nfoot\n[1] Done   [2] Skip',
    );
  });

  it('puts a field that is not inline under its name, one line or many, and never doubles a colon', () => {
    expect(
      renderConsoleReply({
        visibility: 'private',
        fields: [
          { name: 'Phase 1: Foundations', value: '✅ WebRTC Basics\n⬜ WebRTC vs WebSockets' },
          { name: 'Phase 4: Wrap-up', value: '⬜ Recap' },
          { name: 'Left:', value: '5 min', inline: true },
        ],
      }),
    ).toBe(
      'Phase 1: Foundations\n  ✅ WebRTC Basics\n  ⬜ WebRTC vs WebSockets\nPhase 4: Wrap-up\n  ⬜ Recap\nLeft: 5 min',
    );
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { UserRef } from '../../../src/model/invocation.js';
import type { FakeAnswer } from '../../fakes/fake-slack.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';

/** Wed 2026-11-25 09:00 UTC. */
const NINE = Date.UTC(2026, 10, 25, 9, 0);
/** Short, so a "late" answer is one that comes after it. */
const API_TIMEOUT_MS = 400;
const learners: UserRef[] = ['U101', 'U102', 'U103', 'U104'].map((id) => ({
  platform: 'slack',
  workspace: 'T111',
  id,
}));

/** Faults after which Slack has the message but the bot cannot know it. */
const faults: Array<[string, FakeAnswer]> = [
  ['answers every first post after the client gave up', { delayMs: API_TIMEOUT_MS * 3 }],
  ['answers every first post 500 after accepting it', { status: 500, body: 'internal server error', accept: true }],
  ['drops the connection after accepting every first post', { drop: true, accept: true }],
  ['answers 500 without accepting every first post', { status: 500, body: 'internal server error' }],
];

describe('Slack reminders exactly once, through the reminder tick and the real adapter', () => {
  let h: SlackHarness;
  afterEach(async () => {
    await h.close();
  });

  it.each(faults)('when Slack %s, every learner gets exactly one DM', async (_, fault) => {
    h = await startSlackHarness({ apiTimeoutMs: API_TIMEOUT_MS });
    h.clock.set(NINE - 3_600_000);
    for (const user of learners) {
      await h.bot.handle({
        path: 'webrtc',
        command: 'remind',
        args: { time: '09:00', zone: 'UTC' },
        user,
        channel: { id: 'C111' },
      });
    }
    h.slack.queue('chat.postMessage', ...learners.map(() => fault));
    h.clock.set(NINE);

    const report = await h.bot.reminders.tick();
    expect(report).toMatchObject({ sent: learners.length, failed: 0 });
    // What each learner sees in their DM, counted per learner (not distinct keys).
    const perLearner = learners.map((user) => h.slack.messagesIn(user.id).length);
    expect(perLearner).toEqual(learners.map(() => 1));
    const [message] = h.slack.messagesIn('U101');
    expect(message?.text).toContain('Time for WebRTC: WebRTC Basics');
    expect(message?.metadata).toEqual({
      event_type: 'pathbot_reminder',
      event_payload: { idempotency_key: expect.stringContaining('slack:T111:U101') as string },
    });
    // Nothing is due any more; a tick after the faults sends nothing.
    expect((await h.bot.reminders.tick()).sent).toBe(0);
    expect(learners.map((user) => h.slack.messagesIn(user.id).length)).toEqual(learners.map(() => 1));
  });
});

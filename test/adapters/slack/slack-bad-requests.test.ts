import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeLearnerId } from '../../../src/model/learner-id.js';
import { MALFORMED_SLACK_REQUESTS } from './malformed-slack-requests.js';
import { postSigned } from './signed-slack-requests.js';
import { SIGNING_SECRET, startSlackHarness, type SlackHarness } from './slack-harness.js';

describe('Slack requests no Slack client sends, correctly signed, through the real Bolt app', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
    await h.command('done'); // Ada has progress that a wrongly accepted uninstall would delete
  });
  afterAll(async () => {
    await h.close();
  });

  it.each(MALFORMED_SLACK_REQUESTS)(
    'answers %s with a 4xx, and the bot goes on answering',
    async (_, request, status) => {
      const answer = await postSigned(h.url, request(), { secret: SIGNING_SECRET });
      expect(answer.status).toBe(status);
      const progress = await h.command('progress');
      expect(JSON.stringify(progress)).toContain('1 of 7 resources');
      expect(
        await h.store.learners.get(encodeLearnerId({ platform: 'slack', workspace: 'T111', id: 'U111' })),
      ).toBeDefined();
    },
  );

  it('logs each refusal once, with the reason and never the body', async () => {
    const refusals = h.log.lines.filter((line) => line.message === 'refused a malformed Slack request');
    expect(refusals.map((line) => line.context.status)).toEqual(MALFORMED_SLACK_REQUESTS.map(([, , status]) => status));
    expect(JSON.stringify(refusals)).not.toContain('event_callback');
  });
});

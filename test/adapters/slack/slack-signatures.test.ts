import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeLearnerId } from '../../../src/model/learner-id.js';
import { eventRequest, postSigned, slashCommandRequest, type SigningOptions } from './signed-slack-requests.js';
import { SIGNING_SECRET, startSlackHarness, type SlackHarness } from './slack-harness.js';

const ada = { platform: 'slack' as const, workspace: 'T111', id: 'U111' };
const now = () => Math.floor(Date.now() / 1000);

describe('Slack request signatures', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const forged: Array<[string, () => SigningOptions & { tamper?: boolean }]> = [
    ['a wrong secret', () => ({ secret: 'not-the-signing-secret' })],
    ['one changed byte', () => ({ secret: SIGNING_SECRET, tamper: true })],
    ['a timestamp 301 s old', () => ({ secret: SIGNING_SECRET, timestamp: now() - 301 })],
    ['a timestamp 301 s ahead', () => ({ secret: SIGNING_SECRET, timestamp: now() + 301 })],
    ['no signature header', () => ({ secret: SIGNING_SECRET, omit: ['x-slack-signature'] })],
    ['no timestamp header', () => ({ secret: SIGNING_SECRET, omit: ['x-slack-request-timestamp'] })],
    ['neither header', () => ({ secret: SIGNING_SECRET, omit: ['x-slack-signature', 'x-slack-request-timestamp'] })],
  ];

  it.each(forged)('refuses a slash command with %s: 401, no answer, no state change', async (_, signing) => {
    const { tamper, ...options } = signing();
    const request = slashCommandRequest({ text: 'done', responseUrl: h.slack.responseUrl('forged') });
    const sent = tamper ? { ...request, rawBody: request.rawBody.replace('text=done', 'text=dome') } : request;
    const answer = await postSigned(h.url, sent, tamper ? { ...options, signedBody: request.rawBody } : options);
    expect(answer.status).toBe(401);
    // Let a wrongly accepted request finish before looking for its effects: a later one, answered in full.
    await h.command('progress', { userId: 'U-barrier', teamId: 'T-barrier' });
    expect(await h.store.learners.get(encodeLearnerId(ada))).toBeUndefined();
    expect(h.slack.responses.map((post) => post.id)).not.toContain('forged');
  });

  it.each(forged)('refuses an app_uninstalled event with %s and deletes nothing', async (_, signing) => {
    await h.command('done', { userId: 'U500' });
    const { tamper, ...options } = signing();
    const request = eventRequest({ type: 'app_uninstalled' }, { eventId: `EvForged${Math.random()}` });
    const sent = tamper ? { ...request, rawBody: request.rawBody.replace('T111', 'T112') } : request;
    const answer = await postSigned(h.url, sent, tamper ? { ...options, signedBody: request.rawBody } : options);
    expect(answer.status).toBe(401);
    await h.command('progress', { userId: 'U-barrier', teamId: 'T-barrier' });
    expect(await h.store.learners.get(encodeLearnerId({ ...ada, id: 'U500' }))).toBeDefined();
  });

  it('accepts the same request signed correctly, with a timestamp 299 s ahead', async () => {
    const request = slashCommandRequest({ text: 'next', userId: 'U600', responseUrl: h.slack.responseUrl('fine') });
    const answer = await postSigned(h.url, request, { secret: SIGNING_SECRET, timestamp: now() + 299 });
    expect(answer.status).toBe(200);
    await h.slack.waitFor(() => h.slack.responses.find((post) => post.id === 'fine'));
  });
});

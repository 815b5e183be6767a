import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learnerKey } from '../../../src/model/learner-key.js';
import { eventRequest, postSigned, slashCommandRequest, type SignedRequest } from './signed-slack-requests.js';
import { SIGNING_SECRET, startSlackHarness, type SlackHarness } from './slack-harness.js';

const json = (rawBody: string): SignedRequest => ({ rawBody, contentType: 'application/json' });
const form = (fields: Record<string, string>): SignedRequest => ({
  rawBody: new URLSearchParams(fields).toString(),
  contentType: 'application/x-www-form-urlencoded',
});
const uninstall = eventRequest({ type: 'app_uninstalled' }, { eventId: 'EvBadBody' });
const command = slashCommandRequest({ text: 'done', responseUrl: 'http://127.0.0.1:9/never' });

/** Correctly signed requests that no Slack client sends: each must get a 4xx and change nothing. */
const badBodies: Array<[string, () => SignedRequest, number]> = [
  ['JSON null', () => json('null'), 400],
  ['a JSON number', () => json('42'), 400],
  ['a JSON string', () => json('"event_callback"'), 400],
  ['a JSON array', () => json('[{"type":"event_callback"}]'), 400],
  ['an empty JSON object', () => json('{}'), 400],
  ['an event that is null', () => json('{"type":"event_callback","event_id":"EvNull","event":null}'), 400],
  ['truncated JSON', () => json(uninstall.rawBody.slice(0, 40)), 400],
  ['an empty body', () => json(''), 400],
  ['a form whose payload is null', () => form({ payload: 'null' }), 400],
  ['a form whose payload is a number', () => form({ payload: '7' }), 400],
  ['a form whose payload is truncated', () => form({ payload: '{"type":"block_actions","actions":[' }), 400],
  ['a JSON event sent as text/plain', () => ({ ...uninstall, contentType: 'text/plain' }), 415],
  ['a slash command sent as application/json', () => ({ ...command, contentType: 'application/json' }), 400],
  ['a JSON event sent as multipart', () => ({ ...uninstall, contentType: 'multipart/form-data; boundary=x' }), 415],
  ['5 MB of JSON', () => json(`{"type":"event_callback","padding":"${'x'.repeat(5 * 1024 * 1024)}"}`), 413],
];

describe('Slack requests no Slack client sends, correctly signed, through the real Bolt app', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
    await h.command('done'); // Ada has progress that a wrongly accepted uninstall would delete
  });
  afterAll(async () => {
    await h.close();
  });

  it.each(badBodies)('answers %s with a 4xx, and the bot goes on answering', async (_, request, status) => {
    const answer = await postSigned(h.url, request(), { secret: SIGNING_SECRET });
    expect(answer.status).toBe(status);
    const progress = await h.command('progress');
    expect(JSON.stringify(progress)).toContain('1 of 7 resources');
    expect(await h.store.learners.get(learnerKey({ platform: 'slack', workspace: 'T111', id: 'U111' }))).toBeDefined();
  });

  it('logs each refusal once, with the reason and never the body', async () => {
    const refusals = h.log.lines.filter((line) => line.message === 'refused a malformed Slack request');
    expect(refusals.length).toBe(badBodies.length);
    expect(refusals.map((line) => line.context.status)).toEqual(badBodies.map(([, , status]) => status));
    expect(JSON.stringify(refusals)).not.toContain('event_callback');
  });
});

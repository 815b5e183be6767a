import { eventRequest, slashCommandRequest, type SignedRequest } from './signed-slack-requests.js';

const json = (rawBody: string): SignedRequest => ({ rawBody, contentType: 'application/json' });
const form = (fields: Record<string, string>): SignedRequest => ({
  rawBody: new URLSearchParams(fields).toString(),
  contentType: 'application/x-www-form-urlencoded',
});
const uninstall = eventRequest({ type: 'app_uninstalled' }, { eventId: 'EvBadBody' });
const command = slashCommandRequest({ text: 'done', responseUrl: 'http://127.0.0.1:9/never' });

/**
 * Request bodies no Slack client sends, to be signed correctly: each must get this 4xx and change nothing.
 * (name, request, status)
 */
export const MALFORMED_SLACK_REQUESTS: Array<[string, () => SignedRequest, number]> = [
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

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeSlackConversations, type FakeSlackEdit, type FakeSlackMessage } from './fake-slack-messages.js';
import { FixedWindowBudget } from './fixed-window-budget.js';
import { EVENTUALLY_TIMEOUT_MS, eventuallyFound } from '../support/eventually.js';

/** One Web API call the fake received. */
export interface FakeSlackCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
  at: number;
  /** The HTTP status the fake answered (429 when over a workspace's budget). */
  status?: number;
}

/** A per-workspace budget for chat.postMessage; Slack tells workspaces apart by token, a test may say otherwise. */
export interface MessageBudgetOptions {
  perMinute: number;
  workspaceOf?: (call: FakeSlackCall) => string;
}

/** One message posted to a response_url. */
export interface FakeResponsePost {
  id: string;
  body: Record<string, unknown>;
  at: number;
}

/** A scripted answer for the next call to a method; what is left out is the default answer's. */
export interface FakeAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Answer this much later (a slow Slack), the call being recorded (and a post kept) at once. */
  delayMs?: number;
  /** Close the connection instead of answering (after keeping a post, when it is accepted). */
  drop?: boolean;
  /**
   * Whether Slack keeps the message of a chat.postMessage whatever it answers: "answers 500 after accepting".
   * By default a post is kept when the answer says `ok: true`.
   */
  accept?: boolean;
}

/** A loopback Slack: the Web API under `/api/` and response_url receivers under `/response/`. */
export interface FakeSlack {
  readonly apiUrl: string;
  readonly calls: FakeSlackCall[];
  readonly responses: FakeResponsePost[];
  /** users.info answers by user id. */
  readonly users: Map<string, Record<string, unknown>>;
  /** Bot tokens Slack does not know: every call made with one answers `invalid_auth`, as Slack does. */
  readonly refusedTokens: Set<string>;
  /** Channels whose history the bot may not read (it is not a member): conversations.history says `not_in_channel`. */
  readonly unreadableChannels: Set<string>;
  /** The messages Slack kept in a conversation (a user id: the DM with them), oldest first: what people see. */
  messagesIn(channel: string): FakeSlackMessage[];
  /** Edits Slack applied to kept messages (chat.update, replace_original on a bound response_url), oldest first. */
  readonly edits: FakeSlackEdit[];
  /** What apps.connections.open hands out (a loopback Socket Mode server), when set. */
  socketUrl: string | undefined;
  /** A response_url; bound to a kept message (`of`), a `replace_original` post edits that message, as on Slack. */
  responseUrl(id: string, of?: { channel: string; ts: string }): string;
  /** Answers the next calls to `method` with these, in order, before falling back to the defaults. */
  queue(method: string, ...answers: FakeAnswer[]): void;
  /**
   * Enforces a budget of chat.postMessage calls per workspace per wall-clock minute: calls over it answer
   * 429 `ratelimited` with Retry-After (https://docs.slack.dev/apis/web-api/rate-limits).
   */
  limitMessages(options: MessageBudgetOptions): FixedWindowBudget;
  callsTo(method: string): FakeSlackCall[];
  waitFor<T>(find: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

export const FAKE_BOT_USER_ID = 'UBOTFAKE';

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: FakeSlackCall[] = [];
  const responses: FakeResponsePost[] = [];
  const users = new Map<string, Record<string, unknown>>();
  const queued = new Map<string, FakeAnswer[]>();
  const refusedTokens = new Set<string>();
  const unreadableChannels = new Set<string>();
  const conversations = new FakeSlackConversations();
  const boundResponses = new Map<string, { channel: string; ts: string }>();
  let budget: { limit: FixedWindowBudget; workspaceOf: (call: FakeSlackCall) => string } | undefined;

  const server = createServer((request, response) => {
    void readBody(request).then((raw) => route(request, response, raw));
  });

  function route(request: IncomingMessage, response: ServerResponse, raw: string): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'POST' && url.pathname.startsWith('/response/')) {
      const id = decodeURIComponent(url.pathname.slice('/response/'.length));
      const body = JSON.parse(raw) as Record<string, unknown>;
      responses.push({ id, body, at: Date.now() });
      const bound = boundResponses.get(id);
      if (bound && body.replace_original === true)
        conversations.edit(bound.channel, bound.ts, 'response_url', body, 'BBOTFAKE');
      return send(response, { status: 200, body: 'ok' });
    }
    if (request.method === 'POST' && url.pathname.startsWith('/api/')) {
      const method = url.pathname.slice('/api/'.length);
      const auth = request.headers.authorization;
      const call: FakeSlackCall = { method, args: parseArgs(raw, request.headers['content-type']), at: Date.now() };
      if (auth?.startsWith('Bearer ')) call.token = auth.slice('Bearer '.length);
      calls.push(call);
      const next = refused(call) ?? overBudget(call) ?? queued.get(method)?.shift();
      const answer: FakeAnswer = { body: defaultAnswer(call, users, fake.socketUrl), ...next };
      if (method === 'chat.postMessage') answer.body = post(call, answer);
      if (method === 'conversations.history') answer.body = next?.body ?? history(call);
      if (method === 'chat.update') answer.body = next?.body ?? update(call);
      call.status = answer.status ?? 200;
      const reply = () => (answer.drop ? void response.socket?.destroy() : send(response, answer));
      if (answer.delayMs) return void setTimeout(reply, answer.delayMs);
      return reply();
    }
    send(response, { status: 404, body: 'not found' });
  }

  /** Keeps the message when Slack accepts it; a default answer then names where it landed. */
  function post(call: FakeSlackCall, answer: FakeAnswer): unknown {
    const body = answer.body as { ok?: boolean } | undefined;
    if (!(answer.accept ?? body?.ok === true)) return answer.body;
    const kept = conversations.accept(call.args, 'BBOTFAKE');
    return body?.ok === true ? { ...body, ...kept } : answer.body;
  }

  /** chat.update on a message Slack kept; anything else is `message_not_found`, as Slack answers. */
  function update(call: FakeSlackCall): unknown {
    const channel = String(call.args.channel);
    const ts = String(call.args.ts);
    if (!conversations.edit(channel, ts, 'chat.update', call.args, 'BBOTFAKE'))
      return { ok: false, error: 'message_not_found' };
    return { ok: true, channel: FakeSlackConversations.conversationOf(channel), ts, text: call.args.text };
  }

  function history(call: FakeSlackCall): unknown {
    const channel = String(call.args.channel);
    if (unreadableChannels.has(channel)) return { ok: false, error: 'not_in_channel' };
    return { ok: true, messages: conversations.history(call.args), has_more: false };
  }

  function refused(call: FakeSlackCall): FakeAnswer | undefined {
    return call.token !== undefined && refusedTokens.has(call.token)
      ? { body: { ok: false, error: 'invalid_auth' } }
      : undefined;
  }

  function overBudget(call: FakeSlackCall): FakeAnswer | undefined {
    if (!budget || call.method !== 'chat.postMessage') return undefined;
    const retryAfter = budget.limit.take(budget.workspaceOf(call));
    if (retryAfter === undefined) return undefined;
    return {
      status: 429,
      headers: { 'retry-after': String(Math.ceil(retryAfter)) },
      body: { ok: false, error: 'ratelimited' },
    };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  const fake: FakeSlack = {
    socketUrl: undefined,
    apiUrl: `${base}/api/`,
    calls,
    responses,
    users,
    refusedTokens,
    unreadableChannels,
    messagesIn: (channel) => conversations.messagesIn(channel),
    edits: conversations.edits,
    responseUrl(id, of) {
      if (of) boundResponses.set(id, of);
      return `${base}/response/${encodeURIComponent(id)}`;
    },
    queue(method, ...answers) {
      queued.set(method, [...(queued.get(method) ?? []), ...answers]);
    },
    limitMessages({ perMinute, workspaceOf = (call) => call.token ?? '' }) {
      budget = { limit: new FixedWindowBudget(perMinute, 60_000), workspaceOf };
      return budget.limit;
    },
    callsTo: (method) => calls.filter((call) => call.method === method),
    waitFor: (find, timeoutMs = EVENTUALLY_TIMEOUT_MS) =>
      eventuallyFound(find, { timeoutMs, intervalMs: 10, what: 'fake Slack: condition' }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return fake;
}

function defaultAnswer(
  call: FakeSlackCall,
  users: Map<string, Record<string, unknown>>,
  socketUrl: string | undefined,
): unknown {
  switch (call.method) {
    case 'apps.connections.open':
      return socketUrl ? { ok: true, url: socketUrl } : { ok: false, error: 'socket_mode_not_enabled' };
    case 'auth.test':
      return {
        ok: true,
        url: 'https://fake.slack.test/',
        team: 'Fake',
        user: 'pathbot',
        team_id: 'T111',
        user_id: FAKE_BOT_USER_ID,
        bot_id: 'BBOTFAKE',
      };
    case 'chat.postMessage':
      return { ok: true, channel: call.args.channel, ts: `${(Date.now() / 1000).toFixed(6)}` };
    case 'conversations.open':
      return { ok: true, channel: { id: FakeSlackConversations.conversationOf(String(call.args.users)) } };
    case 'views.publish':
      return { ok: true, view: { id: 'VFAKE' } };
    case 'views.open':
      return openView(call.args);
    case 'users.info': {
      const user = users.get(String(call.args.user));
      return user ? { ok: true, user } : { ok: false, error: 'user_not_found' };
    }
    default:
      return { ok: false, error: 'unknown_method' };
  }
}

/** Views Slack refuses as invalid_arguments: https://docs.slack.dev/reference/views/modal-views */
const MAX_VIEW_BLOCKS = 100;
const MAX_VIEW_TITLE = 24;

/**
 * views.open as Slack documents it (https://docs.slack.dev/reference/methods/views.open): a trigger id is needed,
 * and one used up or older than 3 seconds (a test names it "expired…") is refused; so is a view over the limits.
 */
function openView(args: Record<string, unknown>): unknown {
  const trigger = args.trigger_id;
  if (typeof trigger !== 'string' || trigger === '') return { ok: false, error: 'invalid_trigger_id' };
  if (trigger.startsWith('expired')) return { ok: false, error: 'expired_trigger_id' };
  const view = args.view as { blocks?: unknown[]; title?: { text?: string } } | undefined;
  if (!view || (view.blocks?.length ?? 0) > MAX_VIEW_BLOCKS || (view.title?.text?.length ?? 0) > MAX_VIEW_TITLE) {
    return { ok: false, error: 'invalid_arguments' };
  }
  return { ok: true, view: { ...view, id: 'VMODAL', state: { values: {} } } };
}

/** The Web API sends form fields, JSON-encoding structured ones (blocks, view). */
function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.startsWith('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}

function send(response: ServerResponse, answer: FakeAnswer): void {
  const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  const type = typeof answer.body === 'string' ? 'text/plain' : 'application/json';
  response.writeHead(answer.status ?? 200, { 'content-type': type, ...answer.headers });
  response.end(body);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeDiscordGateway } from './fake-discord-gateway.js';
import { FakeDiscordChannels } from './fake-discord-channels.js';
import { FakeDiscordEdits } from './fake-discord-edits.js';
import { FixedWindowBudget } from './fixed-window-budget.js';
import { json, readBody, send, type ScriptedResponse } from './fake-discord-http.js';
import { modalProblem, type ModalData } from './fake-discord-modals.js';
import { fakeMessage, snowflake } from './fake-discord-objects.js';
import {
  channelPost,
  commandsPut,
  dmOpen,
  interactionCallback,
  type RecordedRequest,
} from './fake-discord-requests.js';
import { EVENTUALLY_TIMEOUT_MS } from '../support/eventually.js';

export type { ScriptedResponse } from './fake-discord-http.js';
export type { RecordedRequest } from './fake-discord-requests.js';
export type { MessageEdit } from './fake-discord-edits.js';

interface Override {
  method: string;
  route: RegExp;
  response: ScriptedResponse;
  remaining: number;
}

/**
 * How a message post goes wrong after Discord has created the message: the answer comes after the client
 * gave up waiting, is a 500, or never comes because the connection drops. The sender cannot tell it arrived.
 */
export type AcceptedFault = { kind: 'late'; delayMs: number } | { kind: 'error-500' } | { kind: 'drop' };

export interface FakeDiscordOptions {
  token?: string;
  appId?: string;
  heartbeatIntervalMs?: number;
  /** The shard count GET /gateway/bot recommends (Discord: one per 1,000 guilds or so). */
  shards?: number;
}

const API_PREFIX = '/api/v10';

/**
 * A loopback Discord: REST under http://127.0.0.1:PORT/api and a gateway on the same port.
 * Routes follow https://discord.com/developers/docs/reference; unknown routes answer 404 so a test sees them.
 */
export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly gateway: FakeDiscordGateway;
  readonly token: string;
  readonly appId: string;
  readonly botUserId = snowflake();
  readonly channels = new FakeDiscordChannels(this.botUserId);
  /** Users who don't accept DMs from the bot: messages to their DM channel answer 50007. */
  readonly closedDms = this.channels.closedDms;
  /** Users Discord does not know: opening a DM answers 10013. */
  readonly unknownUsers = this.channels.unknownUsers;
  /** Messages created per DM channel, after nonce de-duplication. */
  readonly channelMessages = this.channels.channelMessages;
  private readonly pressedEdits = new FakeDiscordEdits(this.channelMessages);
  /** Edits of messages a button was on (type 7, or PATCH @original after type 6), oldest first. */
  readonly messageEdits = this.pressedEdits.edits;
  private readonly overrides: Override[] = [];
  /** Per channel, the fault its next accepted message post gets. */
  private readonly faults = new Map<string, AcceptedFault>();
  private readonly lateAnswers = new Set<NodeJS.Timeout>();
  private readonly waiters = new Set<{
    match: (request: RecordedRequest) => boolean;
    resolve: (r: RecordedRequest) => void;
  }>();
  private readonly recommendedShards: number;
  /** Discord's global limit, when a test turns it on with `limitGlobally`. */
  globalBudget: FixedWindowBudget | undefined;

  private constructor(
    private readonly server: Server,
    options: Required<FakeDiscordOptions>,
  ) {
    this.token = options.token;
    this.appId = options.appId;
    this.recommendedShards = options.shards;
    this.gateway = new FakeDiscordGateway(server, { ...options, botUserId: this.botUserId });
    server.on('request', (request, response) => void this.serve(request, response));
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new FakeDiscord(server, {
      token: options.token ?? 'fake-bot-token',
      appId: options.appId ?? snowflake(),
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 45_000,
      shards: options.shards ?? 1,
    });
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api`;
  }

  /** The next `times` requests matching `method` and `route` get `response` instead of the normal answer. */
  answerNext(method: string, route: RegExp, response: ScriptedResponse, times = 1): void {
    this.overrides.push({ method, route, response, remaining: times });
  }

  /** The next message post Discord accepts (the message is created) in each of `channelIds` is answered with `fault`. */
  acceptThenFail(fault: AcceptedFault, channelIds: Iterable<string>): void {
    for (const channelId of channelIds) this.faults.set(channelId, fault);
  }

  /** Answers the next matching request with 429 and a `retry_after`, as Discord does. */
  rateLimitNext(method: string, route: RegExp, retryAfterSeconds: number): void {
    this.answerNext(method, route, {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
      headers: { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-scope': 'user' },
    });
  }

  /**
   * Enforces Discord's global limit: more than `perSecond` requests in one wall-clock second answer 429 with
   * `global: true`. Interaction callbacks and interaction webhooks are exempt, as on Discord
   * (https://discord.com/developers/docs/topics/rate-limits#global-rate-limit).
   */
  limitGlobally(perSecond = 50): FixedWindowBudget {
    this.globalBudget = new FixedWindowBudget(perSecond, 1000);
    return this.globalBudget;
  }

  /**
   * Resolves with the first request (already made or still to come) that matches; rejects after `timeoutMs`.
   * With a route guard from fake-discord-requests.ts the request comes back with its body typed.
   */
  waitForRequest<Matched extends RecordedRequest>(
    match: (request: RecordedRequest) => request is Matched,
    timeoutMs?: number,
  ): Promise<Matched>;
  waitForRequest(match: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  waitForRequest(
    match: (request: RecordedRequest) => boolean,
    timeoutMs = EVENTUALLY_TIMEOUT_MS,
  ): Promise<RecordedRequest> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = {
        match,
        resolve: (request: RecordedRequest) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(request);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no matching request within ${timeoutMs} ms; saw ${this.describeRequests()}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Sends INTERACTION_CREATE over the gateway. */
  dispatchInteraction(interaction: unknown): void {
    this.pressedEdits.noteInteraction(interaction);
    this.gateway.dispatch('INTERACTION_CREATE', interaction);
  }

  describeRequests(): string {
    return this.requests.map((request) => `${request.method} ${request.route}`).join(', ') || 'none';
  }

  async close(): Promise<void> {
    for (const timer of this.lateAnswers) clearTimeout(timer);
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const pathname = decodeURIComponent(url.pathname);
    const text = await readBody(request);
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      route: pathname.startsWith(API_PREFIX) ? pathname.slice(API_PREFIX.length) : pathname,
      query: url.searchParams,
      body: text ? (JSON.parse(text) as unknown) : undefined,
      authorization: request.headers.authorization,
      at: Date.now(),
    };
    this.requests.push(recorded);
    const answer = this.overGlobalLimit(recorded) ?? this.takeOverride(recorded) ?? this.route(recorded);
    recorded.status = answer.status;
    const fault = answer.status < 300 && channelPost()(recorded) ? this.takeFault(recorded.route) : undefined;
    if (fault) {
      recorded.fault = fault.kind;
      this.answerWith(fault, answer, response);
      return;
    }
    send(response, answer);
    if (answer.status < 300)
      for (const waiter of [...this.waiters]) if (waiter.match(recorded)) waiter.resolve(recorded);
  }

  private takeFault(route: string): AcceptedFault | undefined {
    const channelId = route.split('/')[2] ?? '';
    const fault = this.faults.get(channelId);
    this.faults.delete(channelId);
    return fault;
  }

  private answerWith(fault: AcceptedFault, answer: ScriptedResponse, response: ServerResponse): void {
    if (fault.kind === 'error-500') {
      send(response, json(500, { message: '500: Internal Server Error', code: 0 }));
    } else if (fault.kind === 'drop') {
      response.socket?.destroy();
    } else {
      const timer = setTimeout(() => {
        this.lateAnswers.delete(timer);
        if (!response.destroyed) send(response, answer);
      }, fault.delayMs);
      this.lateAnswers.add(timer);
    }
  }

  private overGlobalLimit(request: RecordedRequest): ScriptedResponse | undefined {
    if (!this.globalBudget || /^\/(interactions|webhooks)\//.test(request.route)) return undefined;
    const retryAfter = this.globalBudget.take();
    if (retryAfter === undefined) return undefined;
    return {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: retryAfter, global: true },
      // The header is whole seconds, rounded up; discord.js waits by it.
      headers: {
        'retry-after': String(Math.ceil(retryAfter)),
        'x-ratelimit-global': 'true',
        'x-ratelimit-scope': 'global',
      },
    };
  }

  private takeOverride(request: RecordedRequest): ScriptedResponse | undefined {
    const override = this.overrides.find((o) => o.method === request.method && o.route.test(request.route));
    if (!override) return undefined;
    override.remaining -= 1;
    if (override.remaining <= 0) this.overrides.splice(this.overrides.indexOf(override), 1);
    return override.response;
  }

  private route(request: RecordedRequest): ScriptedResponse {
    const { method, route, body } = request;
    if (interactionCallback()(request)) {
      const callback = body as { type?: number; data?: ModalData } | undefined;
      const problem = callback?.type === 9 && callback.data ? modalProblem(callback.data) : undefined;
      if (problem) return json(400, { message: 'Invalid Form Body', code: 50035, errors: { data: problem } });
      this.pressedEdits.onCallback(request);
      return request.query.get('with_response') === 'true'
        ? json(200, { interaction: { id: route.split('/')[2] } })
        : { status: 204, body: undefined };
    }
    const webhook = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/.exec(route);
    if (webhook) {
      if (method === 'DELETE') return { status: 204, body: undefined };
      if (method === 'PATCH' && webhook[3] === '@original')
        this.pressedEdits.onWebhookEdit(webhook[2] ?? '', body ?? {}, request.at);
      return json(
        200,
        fakeMessage({
          channelId: 'interaction',
          authorId: this.botUserId,
          body: body ?? {},
        }),
      );
    }
    if (request.authorization !== `Bot ${this.token}`) return json(401, { message: '401: Unauthorized', code: 0 });
    if (route === '/gateway/bot' && method === 'GET') {
      const port = (this.server.address() as AddressInfo).port;
      return json(200, {
        url: `ws://127.0.0.1:${port}`,
        shards: this.recommendedShards,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      });
    }
    if (dmOpen(request)) return this.channels.open(request.body.recipient_id);
    const channel = /^\/channels\/(\d+)\/messages$/.exec(route);
    if (channel?.[1] && channelPost(channel[1])(request)) return this.channels.createMessage(channel[1], request.body);
    if (commandsPut(request)) {
      return json(
        200,
        request.body.map((command) => ({
          ...command,
          id: snowflake(),
          application_id: this.appId,
          version: snowflake(),
        })),
      );
    }
    return json(404, { message: '404: Not Found', code: 0 });
  }
}

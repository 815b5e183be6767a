import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { websocketText } from './websocket-text.js';

/** Gateway opcodes the fake speaks: https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-opcodes */
const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, Resume: 6, Hello: 10, HeartbeatAck: 11 } as const;
/** https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes */
const AUTHENTICATION_FAILED = 4004;

export interface FakeGatewayOptions {
  token: string;
  appId: string;
  botUserId: string;
  heartbeatIntervalMs: number;
}

/** What a client sent in IDENTIFY; `shard` is [shard id, shard count]. */
export interface Identify {
  token: string;
  intents: number;
  shard?: [number, number];
}

/**
 * A Discord gateway: HELLO, IDENTIFY -> READY (no guilds) for whichever shard identifies, RESUME ->
 * RESUMED, heartbeat acks, and dispatches on demand.
 */
export class FakeDiscordGateway {
  readonly identifies: Identify[] = [];
  readonly resumes: string[] = [];
  heartbeats = 0;
  private readonly server: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  /** Each identified connection, with the shard it identified as ([0, 1] when it named none). */
  private readonly ready = new Map<WebSocket, [number, number]>();
  private sequence = 0;

  constructor(
    private readonly httpServer: Server,
    private readonly options: FakeGatewayOptions,
  ) {
    this.server = new WebSocketServer({ server: httpServer });
    this.server.on('connection', (socket) => this.accept(socket));
  }

  get openConnections(): number {
    return this.sockets.size;
  }

  /**
   * Sends a DISPATCH to every identified connection; an event of a guild goes only to the shard that guild is
   * on, `(guild_id >> 22) % shard count` (https://discord.com/developers/docs/events/gateway#sharding).
   */
  dispatch(event: string, data: unknown): void {
    if (this.ready.size === 0) throw new Error('no identified gateway connection to dispatch to');
    this.sequence += 1;
    const frame = JSON.stringify({ op: Op.Dispatch, t: event, s: this.sequence, d: data });
    const guild = (data as { guild_id?: unknown } | null)?.guild_id;
    for (const [socket, [shard, count]] of this.ready)
      if (typeof guild !== 'string' || Number((BigInt(guild) >> 22n) % BigInt(count)) === shard) socket.send(frame);
  }

  /** Cuts every connection as a network failure would; clients reconnect and resume. */
  dropConnections(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.ready.delete(socket);
    });
    socket.on('message', (raw) => this.receive(socket, websocketText(raw)));
    socket.send(JSON.stringify({ op: Op.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs } }));
  }

  private receive(socket: WebSocket, raw: string): void {
    const frame = JSON.parse(raw) as { op: number; d: unknown };
    if (frame.op === Op.Heartbeat) {
      this.heartbeats += 1;
      socket.send(JSON.stringify({ op: Op.HeartbeatAck }));
      return;
    }
    if (frame.op === Op.Resume) return this.resume(socket, frame.d as { token: string; session_id: string });
    if (frame.op !== Op.Identify) return;
    const identify = frame.d as Identify;
    this.identifies.push({
      token: identify.token,
      intents: identify.intents,
      ...(identify.shard ? { shard: identify.shard } : {}),
    });
    if (identify.token !== this.options.token) {
      socket.close(AUTHENTICATION_FAILED, 'Authentication failed.');
      return;
    }
    this.ready.set(socket, identify.shard ?? [0, 1]);
    this.sendTo(socket, 'READY', {
      v: 10,
      user: {
        id: this.options.botUserId,
        username: 'pathbot',
        discriminator: '0',
        global_name: null,
        avatar: null,
        bot: true,
      },
      guilds: [],
      session_id: sessionOfShard(identify.shard),
      resume_gateway_url: `ws://127.0.0.1:${this.port()}`,
      shard: identify.shard ?? [0, 1],
      application: { id: this.options.appId, flags: 0 },
    });
  }

  private resume(socket: WebSocket, resume: { token: string; session_id: string }): void {
    this.resumes.push(resume.session_id);
    if (resume.token !== this.options.token) {
      socket.close(AUTHENTICATION_FAILED, 'Authentication failed.');
      return;
    }
    this.ready.set(socket, shardOfSession(resume.session_id));
    this.sendTo(socket, 'RESUMED', null);
  }

  private sendTo(socket: WebSocket, event: string, data: unknown): void {
    this.sequence += 1;
    socket.send(JSON.stringify({ op: Op.Dispatch, t: event, s: this.sequence, d: data }));
  }

  private port(): number {
    const address = this.httpServer.address();
    return typeof address === 'object' && address ? address.port : 0;
  }
}

/** A session id that says which shard it is ('fake-session' when unsharded), so a resumed connection keeps its shard. */
function sessionOfShard(shard: [number, number] | undefined): string {
  return shard && shard[1] > 1 ? `fake-session-${shard[0]}-${shard[1]}` : 'fake-session';
}

function shardOfSession(session: string): [number, number] {
  const [, id, count] = /^fake-session-(\d+)-(\d+)$/.exec(session) ?? [];
  return id && count ? [Number(id), Number(count)] : [0, 1];
}

import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { websocketText } from './websocket-text.js';

/** What the app sent back over the socket: an acknowledgement of one envelope. */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

/** A loopback Socket Mode endpoint: says hello, delivers envelopes, records acknowledgements. */
export interface FakeSlackSocket {
  readonly url: string;
  readonly acks: SocketAck[];
  connected(): Promise<void>;
  deliver(envelope: Record<string, unknown>): void;
  /** Cuts the connection as a network failure would; the server stays up for the client to come back. */
  drop(): void;
  close(): Promise<void>;
}

export async function startFakeSlackSocket(): Promise<FakeSlackSocket> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const acks: SocketAck[] = [];
  let client: WebSocket | undefined;
  let onConnected: () => void = () => {};
  const connection = new Promise<void>((resolve) => (onConnected = resolve));

  server.on('connection', (socket) => {
    client = socket;
    socket.on('message', (data) => acks.push(JSON.parse(websocketText(data)) as SocketAck));
    // https://docs.slack.dev/apis/events-api/using-socket-mode#connect
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        connection_info: { app_id: 'A111' },
        debug_info: { host: 'fake' },
      }),
    );
    onConnected();
  });

  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/link`,
    acks,
    connected: () => connection,
    deliver(envelope) {
      if (!client) throw new Error('fake Slack socket: no client connected');
      client.send(JSON.stringify(envelope));
    },
    drop() {
      for (const socket of server.clients) socket.terminate();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of server.clients) socket.terminate();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

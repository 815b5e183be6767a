import type { IncomingMessage, ServerResponse } from 'node:http';

/** A canned answer that replaces the normal one, e.g. a 429 or a 50007. */
export interface ScriptedResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function json(status: number, body: unknown): ScriptedResponse {
  return { status, body };
}

/** A 204 carries no body and, deliberately, no JSON content type (discord.js would try to parse it). */
export function send(response: ServerResponse, answer: ScriptedResponse): void {
  if (answer.body === undefined) {
    response.writeHead(answer.status, answer.headers ?? {});
    response.end();
    return;
  }
  response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
  response.end(JSON.stringify(answer.body));
}

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

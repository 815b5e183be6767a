import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { BufferedIncomingMessage } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../../src/ports/logger.js';
import { MAX_REQUEST_BODY_BYTES } from './slack-limits.js';

/** The two encodings Slack posts in: events as JSON, commands and interactions as a form. */
const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * The outline every Slack request body has, whatever it carries: an object naming what it is (`type`:
 * events, interactions; `command`: slash commands; `ssl_check`), with an object as its `event` if any.
 * https://docs.slack.dev/apis/events-api/#callback-field
 */
const slackEnvelope = z
  .looseObject({
    type: z.string().optional(),
    command: z.string().optional(),
    ssl_check: z.string().optional(),
    event: z.looseObject({ type: z.string() }).optional(),
    actions: z.array(z.looseObject({})).optional(),
  })
  .refine((body) => body.type !== undefined || body.command !== undefined || body.ssl_check !== undefined);

/**
 * Bolt 5.1 reads `body.ssl_check` before it checks the body is an object, outside any try: a signed `null`
 * ends the process. Bolt also waits three seconds on bodies it cannot classify, and parses any content type
 * as JSON. This wrapper reads the body of each POST to `path` first (up to MAX_REQUEST_BODY_BYTES, 413
 * beyond), refuses anything but a form or JSON (415) and any body without Slack's outline (400), and hands
 * the rest to Bolt with the bytes already read, which it then checks for signature and age as usual.
 */
export function refuseMalformedRequests(listener: RequestListener, path: string, logger: Logger): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'POST' || (request.url ?? '/').split('?')[0] !== path) {
      listener(request, response);
      return;
    }
    const refuse = (status: number, reason: string) => {
      logger.warn('refused a malformed Slack request', { status, reason });
      response.writeHead(status, { connection: 'close' });
      response.end();
    };
    const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (contentType !== JSON_TYPE && contentType !== FORM_TYPE) {
      request.resume();
      refuse(415, `content type "${contentType.slice(0, 60)}"`);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size <= MAX_REQUEST_BODY_BYTES) return void chunks.push(chunk);
      refused = true;
      chunks.length = 0;
      refuse(413, `body over ${MAX_REQUEST_BODY_BYTES} bytes`);
    });
    request.on('error', () => {
      if (refused) return;
      refused = true;
      refuse(400, 'body not received in full');
    });
    request.on('end', () => {
      if (refused) return;
      const rawBody = Buffer.concat(chunks);
      const problem = envelopeProblem(rawBody.toString('utf8'), contentType);
      if (problem) return refuse(400, problem);
      (request as BufferedIncomingMessage).rawBody = rawBody;
      listener(request, response);
    });
  };
}

/** Why the body is not a Slack request, read the way Bolt will read it; undefined when it has Slack's outline. */
function envelopeProblem(text: string, contentType: string): string | undefined {
  let body: unknown;
  try {
    if (contentType === FORM_TYPE) {
      const form = parseQuery(text);
      body = typeof form.payload === 'string' ? JSON.parse(form.payload) : form;
    } else {
      body = JSON.parse(text);
    }
  } catch {
    return 'body is not valid JSON';
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return `body is ${body === null ? 'null' : Array.isArray(body) ? 'an array' : `a ${typeof body}`}, not an object`;
  }
  return slackEnvelope.safeParse(body).success ? undefined : 'body is not shaped like a Slack request';
}

import { createHmac } from 'node:crypto';

/** Slack's request signature: `v0=` + hex HMAC-SHA256(secret, `v0:{timestamp}:{raw body}`). */
export function slackSignature(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export interface SignedRequest {
  rawBody: string;
  /** What Slack sends (form or JSON); anything else to prove it is refused, undefined for no header. */
  contentType: 'application/x-www-form-urlencoded' | 'application/json' | (string & {}) | undefined;
  headers?: Record<string, string>;
}

export interface SigningOptions {
  secret: string;
  /** Unix seconds; now by default. */
  timestamp?: number;
  /** Sign this body but send `rawBody` (to prove a changed byte is caught). */
  signedBody?: string;
  /** Headers to leave out (to prove missing headers are refused). */
  omit?: ReadonlyArray<'x-slack-signature' | 'x-slack-request-timestamp'>;
}

/** Posts a request to the receiver signed exactly as Slack signs it. */
export async function postSigned(
  url: string,
  request: SignedRequest,
  signing: SigningOptions,
): Promise<{ status: number; body: string }> {
  const timestamp = signing.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    ...(request.contentType === undefined ? {} : { 'content-type': request.contentType }),
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(signing.secret, timestamp, signing.signedBody ?? request.rawBody),
    ...request.headers,
  };
  for (const name of signing.omit ?? []) delete headers[name];
  const response = await fetch(url, { method: 'POST', headers, body: request.rawBody });
  return { status: response.status, body: await response.text() };
}

export interface SlashCommandFields {
  text: string;
  command?: string;
  teamId?: string;
  userId?: string;
  userName?: string;
  channelId?: string;
  channelName?: string;
  responseUrl: string;
  /** What views.open gets; the fake refuses one starting "expired". */
  triggerId?: string;
}

/** A slash command as Slack posts it (form-encoded, the fields of Slack's documented payload). */
export function slashCommandRequest(fields: SlashCommandFields): SignedRequest {
  const form = new URLSearchParams({
    token: 'verification_token',
    team_id: fields.teamId ?? 'T111',
    team_domain: 'test-domain',
    channel_id: fields.channelId ?? 'C111',
    channel_name: fields.channelName ?? 'learning',
    user_id: fields.userId ?? 'U111',
    user_name: fields.userName ?? 'ada',
    command: fields.command ?? '/webrtc',
    text: fields.text,
    api_app_id: 'A111',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? '111.111.xxx',
  });
  return { rawBody: form.toString(), contentType: 'application/x-www-form-urlencoded' };
}

export interface ButtonPressFields {
  actionId: string;
  value: string;
  teamId?: string;
  userId?: string;
  userName?: string;
  channelId?: string;
  responseUrl: string;
  /** Pressed in the App Home tab instead of a message. */
  fromHome?: boolean;
  /** The pressed message's ts (111.222 unless set); `ephemeral: false` for a message the bot posted (a DM). */
  messageTs?: string;
  ephemeral?: boolean;
}

/** A block_actions interaction (form field `payload` holding JSON), shaped like Slack's documented payload. */
export function buttonPressRequest(fields: ButtonPressFields): SignedRequest {
  const teamId = fields.teamId ?? 'T111';
  const channelId = fields.channelId ?? 'C111';
  const container = fields.fromHome
    ? { type: 'view', view_id: 'VHOME' }
    : {
        type: 'message',
        message_ts: fields.messageTs ?? '111.222',
        channel_id: channelId,
        is_ephemeral: fields.ephemeral ?? true,
      };
  const payload = {
    type: 'block_actions',
    user: {
      id: fields.userId ?? 'U111',
      username: fields.userName ?? 'ada',
      name: fields.userName ?? 'ada',
      team_id: teamId,
    },
    api_app_id: 'A111',
    token: 'verification_token',
    container,
    trigger_id: '111.222.valid',
    team: { id: teamId, domain: 'test-domain' },
    ...(fields.fromHome
      ? { view: { id: 'VHOME', type: 'home', blocks: [] } }
      : { channel: { id: channelId, name: 'learning' } }),
    ...(fields.fromHome ? {} : { response_url: fields.responseUrl }),
    ...(fields.fromHome || fields.ephemeral !== false
      ? {}
      : { message: { type: 'message', ts: fields.messageTs ?? '111.222', text: '' } }),
    actions: [
      {
        action_id: fields.actionId,
        block_id: 'b',
        text: { type: 'plain_text', text: 'Button', emoji: true },
        value: fields.value,
        type: 'button',
        action_ts: '1596530385.194939',
      },
    ],
  };
  return {
    rawBody: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: 'application/x-www-form-urlencoded',
  };
}

/** An Events API `event_callback` envelope around `event`. */
export function eventRequest(
  event: Record<string, unknown>,
  options: { eventId: string; teamId?: string; retryNum?: number },
): SignedRequest {
  const teamId = options.teamId ?? 'T111';
  const body = {
    token: 'verification_token',
    team_id: teamId,
    api_app_id: 'A111',
    event,
    type: 'event_callback',
    event_id: options.eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      { enterprise_id: null, team_id: teamId, user_id: 'UBOTFAKE', is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
  };
  const headers: Record<string, string> =
    options.retryNum === undefined
      ? {}
      : { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' };
  return { rawBody: JSON.stringify(body), contentType: 'application/json', headers };
}

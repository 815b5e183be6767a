import type {
  APIInteractionResponse,
  RESTPatchAPIWebhookWithTokenMessageJSONBody,
  RESTPostAPIChannelMessageJSONBody,
  RESTPostAPICurrentUserCreateDMChannelJSONBody,
  RESTPostAPIWebhookWithTokenJSONBody,
  RESTPutAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';

/** One REST call the bot made, as the fake saw it. `route` is the path after /api/v10. */
export interface RecordedRequest<Body = unknown> {
  method: string;
  route: string;
  query: URLSearchParams;
  /** The parsed JSON body; the route says which Discord type it is (see the guards below). */
  body: Body;
  authorization: string | undefined;
  /** When the fake received it (epoch ms), and the status it answered. */
  at: number;
  status?: number;
  /** Set when the fake accepted the request but answered it badly on purpose (see `acceptThenFail`). */
  fault?: 'late' | 'error-500' | 'drop';
}

/** The answer to an interaction: https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object */
export type InteractionCallback = RecordedRequest<APIInteractionResponse>;
/** A follow-up (POST) or an edit (PATCH) on an interaction's webhook. */
export type WebhookRequest = RecordedRequest<
  RESTPostAPIWebhookWithTokenJSONBody | RESTPatchAPIWebhookWithTokenMessageJSONBody
>;
export type ChannelPost = RecordedRequest<RESTPostAPIChannelMessageJSONBody>;
export type DmOpen = RecordedRequest<RESTPostAPICurrentUserCreateDMChannelJSONBody>;
export type CommandsPut = RecordedRequest<RESTPutAPIApplicationCommandsJSONBody>;

// Each guard names a route and, with it, the body Discord expects there: a body of another shape would be
// a request Discord rejects, which the test asserting on it would show.

/** POST /interactions/{id}/{token}/callback (any interaction when `id` is left out). */
export const interactionCallback =
  (id?: string, token?: string) =>
  (request: RecordedRequest): request is InteractionCallback => {
    const parts = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(request.route);
    return request.method === 'POST' && !!parts && (id === undefined || (parts[1] === id && parts[2] === token));
  };

/** `method` on /webhooks/{appId}/{token}{suffix}: a follow-up (POST, no suffix) or an edit (PATCH /messages/@original). */
export const webhookRequest =
  (appId: string, token: string, method: string, suffix = '') =>
  (request: RecordedRequest): request is WebhookRequest =>
    request.method === method && request.route === `/webhooks/${appId}/${token}${suffix}`;

/** POST /channels/{channelId}/messages (any channel when `channelId` is left out). */
export const channelPost =
  (channelId?: string) =>
  (request: RecordedRequest): request is ChannelPost =>
    request.method === 'POST' &&
    (channelId === undefined
      ? /^\/channels\/\d+\/messages$/.test(request.route)
      : request.route === `/channels/${channelId}/messages`);

/** POST /users/@me/channels: opening a DM channel. */
export const dmOpen = (request: RecordedRequest): request is DmOpen =>
  request.method === 'POST' && request.route === '/users/@me/channels';

/** PUT /applications/{appId}[/guilds/{guildId}]/commands: overwriting the slash commands. */
export const commandsPut = (request: RecordedRequest): request is CommandsPut =>
  request.method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(request.route);

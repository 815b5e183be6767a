import type { APIMessage } from 'discord-api-types/v10';
import { snowflake } from '../../fakes/fake-discord-objects.js';
import { submittedComponents, type ModalAnswers, type ModalData } from '../../fakes/fake-discord-modals.js';

/**
 * INTERACTION_CREATE payloads built from Discord's documented shapes
 * (https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object),
 * with what discord.js 14.28 relies on: numeric option types, `channel`, and `entitlements: []`.
 */
export const GUILD_ID = '556525343595298817';
export const CHANNEL_ID = '587324906702766226';
/** VIEW_CHANNEL | SEND_MESSAGES | USE_APPLICATION_COMMANDS. */
export const MEMBER_PERMISSIONS = '2147486720';
/** The same plus MANAGE_GUILD (1 << 5). */
export const MANAGER_PERMISSIONS = '2147486752';
/** ADMINISTRATOR (1 << 3) alone, which implies every other permission. */
export const ADMINISTRATOR_PERMISSIONS = '8';

export interface Person {
  id: string;
  username: string;
  /** The name a person chose for every server (Discord's `global_name`). */
  globalName?: string;
  nick?: string;
  permissions?: string;
}

export const hope: Person = { id: '695549908383432716', username: 'hope', nick: 'Hope' };
export const mason: Person = { id: '53908232506183680', username: 'mason' };

/** A server the app is not installed in, where a learner who added the app to their account uses it. */
export const FOREIGN_GUILD_ID = '613425648685547541';
/**
 * What a user-installed app may do where it is not installed: Discord computes `app_permissions` for the
 * interaction's channel; without the bot there this is what any user-installed app gets (embed links, attach
 * files, external emoji, send messages in threads…), never MANAGE_GUILD.
 */
export const USER_INSTALL_APP_PERMISSIONS = '562949953601536';

interface Where {
  user?: Person;
  /** false = in a DM with the bot. */
  inGuild?: boolean;
  /** The server, when not GUILD_ID. */
  guildId?: string;
  /**
   * Who authorised the command: the server's install (the default) or the person's own (a user install), as
   * `authorizing_integration_owners` says. A user install with `inGuild: false` is in a DM between people
   * (context 2, PRIVATE_CHANNEL) unless `botDm` says it is the DM with the bot (context 1).
   */
  install?: 'guild' | 'user';
  botDm?: boolean;
}

export interface BuiltInteraction {
  id: string;
  token: string;
  payload: Record<string, unknown>;
}

export function slashCommand(
  appId: string,
  input: Where & { command?: string; subcommand: string; options?: Record<string, string> },
): BuiltInteraction {
  const options = Object.entries(input.options ?? {}).map(([name, value]) => ({ type: 3, name, value }));
  return envelope(appId, 2, input, {
    id: '1100000000000000001',
    name: input.command ?? 'webrtc',
    type: 1,
    options: [{ type: 1, name: input.subcommand, options }],
  });
}

export function autocomplete(
  appId: string,
  input: Where & { subcommand: string; option: string; typed: string },
): BuiltInteraction {
  return envelope(appId, 4, input, {
    id: '1100000000000000001',
    name: 'webrtc',
    type: 1,
    version: '1100000000000000002',
    options: [
      {
        type: 1,
        name: input.subcommand,
        options: [{ type: 3, name: input.option, value: input.typed, focused: true }],
      },
    ],
  });
}

/**
 * A press on a button of a message the bot sent; `ephemeral` marks the message as the presser's private card.
 * `on` is a message the fake keeps (a DM the bot posted): the press comes from that message, in its channel.
 */
export function buttonPress(
  appId: string,
  input: Where & { customId: string; ephemeral?: boolean; botUserId: string; on?: APIMessage },
): BuiltInteraction {
  const built = envelope(appId, 3, input, { custom_id: input.customId, component_type: 2 });
  if (input.on) {
    built.payload.message = input.on;
    built.payload.channel_id = input.on.channel_id;
    built.payload.channel = { ...(built.payload.channel as object), id: input.on.channel_id };
    return built;
  }
  built.payload.message = {
    id: snowflake(),
    channel_id: built.payload.channel_id,
    type: 0,
    content: '',
    flags: input.ephemeral ? 64 : 0,
    embeds: [],
    components: [{ type: 1, components: [{ type: 2, style: 3, label: 'Done', custom_id: input.customId }] }],
    author: {
      id: input.botUserId,
      username: 'pathbot',
      discriminator: '0',
      global_name: null,
      avatar: null,
      bot: true,
    },
    timestamp: '2026-11-24T10:00:00.000000+00:00',
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    pinned: false,
  };
  return built;
}

/** The other person in a DM between people (a private channel to the app). */
const otherPerson = {
  id: '80351110224678912',
  username: 'nelly',
  discriminator: '0',
  global_name: null,
  avatar: null,
  public_flags: 0,
};

/** A submitted modal (interaction type 5, MODAL_SUBMIT) with these answers; what is left out keeps its value. */
export function modalSubmit(
  appId: string,
  input: Where & { modal: ModalData; answers: ModalAnswers },
): BuiltInteraction {
  return envelope(appId, 5, input, {
    custom_id: input.modal.custom_id,
    components: submittedComponents(input.modal, input.answers),
  });
}

function envelope(appId: string, type: number, where: Where, data: Record<string, unknown>): BuiltInteraction {
  const person = where.user ?? hope;
  const guildId = where.guildId ?? GUILD_ID;
  const user = {
    id: person.id,
    username: person.username,
    discriminator: '0',
    global_name: person.globalName ?? null,
    avatar: null,
    public_flags: 0,
  };
  const id = snowflake();
  const token = `token-${id}`;
  const common = {
    id,
    application_id: appId,
    type,
    token,
    version: 1,
    data,
    locale: 'en-US',
    entitlements: [],
    attachment_size_limit: 10_485_760,
    app_permissions: '2248473465835073',
  };
  const userInstall = where.install === 'user';
  // https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-authorizing-integration-owners-object
  const owners = userInstall ? { '1': person.id } : { '0': guildId };
  if (userInstall) common.app_permissions = USER_INSTALL_APP_PERMISSIONS;
  if (where.inGuild === false) {
    const dmChannelId = snowflake();
    const withBot = !userInstall || where.botDm === true;
    return {
      id,
      token,
      payload: {
        ...common,
        user,
        channel_id: dmChannelId,
        channel: { id: dmChannelId, type: 1, recipients: withBot ? [user] : [user, otherPerson] },
        context: withBot ? 1 : 2,
        authorizing_integration_owners: owners,
      },
    };
  }
  return {
    id,
    token,
    payload: {
      ...common,
      guild_id: guildId,
      guild_locale: 'en-US',
      channel_id: CHANNEL_ID,
      channel: { id: CHANNEL_ID, type: 0, guild_id: guildId, name: 'learning-webrtc' },
      member: {
        user,
        roles: [],
        permissions: person.permissions ?? MEMBER_PERMISSIONS,
        nick: person.nick ?? null,
        joined_at: '2020-04-03T09:35:54.879000+00:00',
        deaf: false,
        mute: false,
        pending: false,
        flags: 0,
        avatar: null,
        premium_since: null,
      },
      context: 0,
      authorizing_integration_owners: owners,
    },
  };
}

import { ApplicationIntegrationType, GuildMember, PermissionFlagsBits } from 'discord.js';
import type { Interaction } from 'discord.js';
import type { ChannelRef, UserRef } from '../../src/model/invocation.js';

/**
 * The workspace of a person's own learner: DMs with the bot, and wherever they use the app they added to their
 * account (a group DM, a server the app is not installed in). One learner per person across all of those.
 */
export const PERSONAL_WORKSPACE = 'dm';

/**
 * The learner behind an interaction: one record per server the app is installed in (its leaderboards live
 * there), and one personal record for everywhere else (see PERSONAL_WORKSPACE and docs/DISCORD.md).
 */
export function toUserRef(interaction: Interaction): UserRef {
  return {
    platform: 'discord',
    workspace: installedGuildOf(interaction) ?? PERSONAL_WORKSPACE,
    id: interaction.user.id,
    displayName: displayNameOf(interaction),
  };
}

/** Outside a server the app is installed in, every conversation counts as direct: it never joins a leaderboard. */
export function toChannelRef(interaction: Interaction): ChannelRef {
  return { id: interaction.channelId ?? 'dm', isDirect: installedGuildOf(interaction) === undefined };
}

/** Manage Server in this guild, from the permissions Discord computed for this interaction (Administrator implies it). */
export function canManageGuild(interaction: Interaction): boolean {
  return (
    installedGuildOf(interaction) !== undefined &&
    (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false)
  );
}

/**
 * The guild of an interaction when the app is installed there. Discord names the guild that authorised a
 * guild-installed command in `authorizing_integration_owners["0"]`; a command of the app a user added to their
 * account, run in a server without the app, has only the user's key ("1") there.
 * https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-authorizing-integration-owners-object
 */
function installedGuildOf(interaction: Interaction): string | undefined {
  if (!interaction.guildId) return undefined;
  const owners = interaction.authorizingIntegrationOwners as Partial<Record<ApplicationIntegrationType, string>> | null;
  // Payloads from before user installs carry no owners: they are guild installs.
  if (!owners || Object.keys(owners).length === 0) return interaction.guildId;
  return owners[ApplicationIntegrationType.GuildInstall] === interaction.guildId ? interaction.guildId : undefined;
}

function displayNameOf(interaction: Interaction): string {
  const member = interaction.member;
  if (member instanceof GuildMember) return member.displayName;
  return member?.nick ?? interaction.user.displayName;
}

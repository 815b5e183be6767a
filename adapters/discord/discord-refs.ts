import { GuildMember, PermissionFlagsBits } from 'discord.js';
import type { Interaction } from 'discord.js';
import type { ChannelRef, UserRef } from '../../src/model/invocation.js';

/** The learner behind an interaction: one record per guild, and one for DMs with the bot. */
export function toUserRef(interaction: Interaction): UserRef {
  return {
    platform: 'discord',
    workspace: interaction.guildId ?? 'dm',
    id: interaction.user.id,
    displayName: displayNameOf(interaction),
  };
}

export function toChannelRef(interaction: Interaction): ChannelRef {
  return { id: interaction.channelId ?? 'dm', isDirect: !interaction.guildId };
}

/** Manage Server in this guild, from the permissions Discord computed for this interaction (Administrator implies it). */
export function canManageGuild(interaction: Interaction): boolean {
  return Boolean(interaction.guildId) && (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false);
}

function displayNameOf(interaction: Interaction): string {
  const member = interaction.member;
  if (member instanceof GuildMember) return member.displayName;
  return member?.nick ?? interaction.user.displayName;
}

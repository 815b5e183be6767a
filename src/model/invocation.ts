/** Where a learner lives: the platform, the workspace (Discord guild / Slack team / "local") and their id there. */
export type Platform = 'discord' | 'slack' | 'console';

/** A person as the core sees them; `displayName` and `timeZone` are hints from the platform, never trusted for identity. */
export interface UserRef {
  platform: Platform;
  workspace: string;
  id: string;
  displayName?: string;
  /** IANA zone the platform knows for this user (Slack does), used when they set a reminder without a zone. */
  timeZone?: string;
}

/** The conversation a command came from. `isDirect` marks a DM, which never joins a leaderboard. */
export interface ChannelRef {
  id: string;
  isDirect?: boolean;
}

/** A slash command, already split by the adapter: `/webrtc done webrtc-basics` -> path "webrtc", command "done". */
export interface Invocation {
  /** The learning path's command name ("webrtc"). */
  path: string;
  /** The subcommand ("next", "done", ...); empty means "help". */
  command: string;
  /** Option values by option name, as the user typed them (validated by the core). */
  args: Record<string, string>;
  user: UserRef;
  channel: ChannelRef;
  /** Set by the adapter when the platform says the user may manage the server/workspace. */
  isAdmin?: boolean;
}

/** A button press, decoded from the platform's custom id (see action-id.ts). */
export interface ActionPress {
  path: string;
  actionId: string;
  value: string;
  /** Platform id of the learner the button was made for. */
  ownerId: string;
  user: UserRef;
  channel: ChannelRef;
  /** The platform's id of the message the button was on: a message is answered once (see press-once.ts). */
  messageId?: string;
}

/** A press as the platform reports it: the button's own id, decoded by the core (action-id.ts, button-owner.ts). */
export interface ButtonPress {
  buttonId: string;
  user: UserRef;
  channel: ChannelRef;
  messageId?: string;
}

/**
 * Free text for a path: typed after its slash command (Slack, the console) or in a chat with the bot (`inChat`:
 * a Slack DM, where the first word may name another path and text that is no command gets a short help line).
 * The core parses it (parse-command-line.ts).
 */
export interface CommandLine {
  path: string;
  text: string;
  user: UserRef;
  channel: ChannelRef;
  isAdmin?: boolean;
  inChat?: boolean;
}

/** An autocomplete request for one option of a subcommand. */
export interface AutocompleteQuery {
  path: string;
  command: string;
  option: string;
  partial: string;
  user: UserRef;
}

/** One autocomplete suggestion: what the user sees and what is submitted. */
export interface Choice {
  name: string;
  value: string;
}

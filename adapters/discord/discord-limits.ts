/**
 * Discord's documented size limits, in one place.
 * Embeds: https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 * Components: https://discord.com/developers/docs/components/reference#action-row
 * Commands: https://discord.com/developers/docs/interactions/application-commands#application-command-object
 * Autocomplete: https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-autocomplete
 */
export const EMBED_TITLE_MAX = 256;
export const EMBED_DESCRIPTION_MAX = 4096;
export const EMBED_FIELDS_MAX = 25;
export const EMBED_FIELD_NAME_MAX = 256;
export const EMBED_FIELD_VALUE_MAX = 1024;
export const EMBED_FOOTER_MAX = 2048;
/** Sum of title, description, field names and values, footer text of every embed in one message. */
export const EMBED_TOTAL_MAX = 6000;

export const BUTTONS_PER_ROW = 5;
export const ACTION_ROWS_MAX = 5;
export const BUTTON_LABEL_MAX = 80;

export const COMMAND_DESCRIPTION_MAX = 100;
/** Names of commands, subcommands and options (chat-input commands must be lowercase). */
export const COMMAND_NAME = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;
export const SUBCOMMANDS_MAX = 25;
export const OPTION_CHOICES_MAX = 25;

export const AUTOCOMPLETE_CHOICES_MAX = 25;
export const CHOICE_NAME_MAX = 100;
export const CHOICE_VALUE_MAX = 100;

/** Message nonce: https://discord.com/developers/docs/resources/message#create-message-jsonform-params */
export const NONCE_MAX = 25;

/** An interaction must get its first response within 3 s; we defer well before that. */
export const INTERACTION_DEADLINE_MS = 3000;

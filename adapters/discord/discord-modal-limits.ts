/**
 * Discord's limits on modals, named so the settings form can cite them.
 * https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-modal
 * https://discord.com/developers/docs/components/reference
 */

/** Top-level components (labels) in one modal. */
export const MODAL_COMPONENTS_MAX = 5;
/** Characters in a modal's title. */
export const MODAL_TITLE_MAX = 45;
/** Characters in a label's text and in its description. https://discord.com/developers/docs/components/reference#label */
export const LABEL_TEXT_MAX = 45;
export const LABEL_DESCRIPTION_MAX = 100;
/** Options in a string select. https://discord.com/developers/docs/components/reference#string-select */
export const SELECT_OPTIONS_MAX = 25;
/** Characters in a select option's label. */
export const SELECT_OPTION_LABEL_MAX = 100;
/** Options in a checkbox group. https://discord.com/developers/docs/components/reference#checkbox-group */
export const CHECKBOX_GROUP_OPTIONS_MAX = 10;
/** Characters a text input may hold. https://discord.com/developers/docs/components/reference#text-input */
export const TEXT_INPUT_MAX = 4000;

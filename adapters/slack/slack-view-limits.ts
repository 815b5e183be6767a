/**
 * Slack's limits on views (modals), named so the settings form can cite them.
 * https://docs.slack.dev/reference/views/modal-views
 */

/** Blocks in a modal or Home view. https://docs.slack.dev/reference/views/modal-views */
export const MAX_VIEW_BLOCKS = 100;
/** Characters in a modal's title, submit and close labels. https://docs.slack.dev/reference/views/modal-views */
export const MAX_VIEW_TITLE = 24;
/** Characters of private_metadata a view carries. https://docs.slack.dev/reference/views/modal-views */
export const MAX_PRIVATE_METADATA = 3000;
/** Options in a static select. https://docs.slack.dev/reference/block-kit/block-elements/select-menu-element */
export const MAX_SELECT_OPTIONS = 100;
/** Options in a checkbox group. https://docs.slack.dev/reference/block-kit/block-elements/checkboxes-element */
export const MAX_CHECKBOX_OPTIONS = 10;
/** Characters in an option's text. https://docs.slack.dev/reference/block-kit/composition-objects/option-object */
export const MAX_OPTION_TEXT = 75;
/** Characters in an input block's label and hint. https://docs.slack.dev/reference/block-kit/blocks/input-block */
export const MAX_INPUT_LABEL = 2000;

/**
 * Slack's limits, named so the renderer and the pacing code can cite them.
 * https://docs.slack.dev/reference/block-kit/blocks
 */

/** Blocks in one message. https://docs.slack.dev/reference/block-kit/blocks */
export const MAX_MESSAGE_BLOCKS = 50;
/** Blocks in a Home tab view. https://docs.slack.dev/surfaces/app-home */
export const MAX_HOME_BLOCKS = 100;
/** Characters in a section block's text. https://docs.slack.dev/reference/block-kit/blocks/section-block */
export const MAX_SECTION_TEXT = 3000;
/** Fields in one section block, and characters in each. https://docs.slack.dev/reference/block-kit/blocks/section-block */
export const MAX_SECTION_FIELDS = 10;
export const MAX_FIELD_TEXT = 2000;
/** Characters in a header block's text. https://docs.slack.dev/reference/block-kit/blocks/header-block */
export const MAX_HEADER_TEXT = 150;
/**
 * A confirmation dialog's title, confirm and deny texts (100 each) and its text (300).
 * https://docs.slack.dev/reference/block-kit/composition-objects/confirmation-dialog-object
 */
export const MAX_CONFIRM_TITLE = 100;
export const MAX_CONFIRM_TEXT = 300;
/** Elements in one actions block. https://docs.slack.dev/reference/block-kit/blocks/actions-block */
export const MAX_ACTIONS_ELEMENTS = 25;
/** Characters in a button's label. https://docs.slack.dev/reference/block-kit/block-elements/button-element */
export const MAX_BUTTON_TEXT = 75;
/** Characters in a button's value. https://docs.slack.dev/reference/block-kit/block-elements/button-element */
export const MAX_BUTTON_VALUE = 2000;
/** Characters in a button's action_id. https://docs.slack.dev/reference/block-kit/block-elements/button-element */
export const MAX_ACTION_ID = 255;
/** Top-level `text` is truncated by Slack after 40,000 characters; keep notifications short. https://docs.slack.dev/reference/methods/chat.postMessage */
export const MAX_FALLBACK_TEXT = 3000;
/** Slack refuses requests whose timestamp is this far from now. https://docs.slack.dev/authentication/verifying-requests-from-slack */
export const MAX_REQUEST_AGE_SECONDS = 5 * 60;
/**
 * The largest request body the bot reads: Bolt's own HTTPReceiver default (`defaultBodyLimit`, 4 MiB); Slack's
 * payloads are far smaller. https://docs.slack.dev/tools/bolt-js/reference#receiver-options
 */
export const MAX_REQUEST_BODY_BYTES = 4 * 1024 * 1024;

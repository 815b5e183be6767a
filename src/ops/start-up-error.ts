/** A start-up failure already worded for the person starting the bot: shown as it is, never with a stack. */
export class StartUpError extends Error {
  override name = 'StartUpError';
}

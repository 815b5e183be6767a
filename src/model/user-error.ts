/** An expected failure (bad input, nothing to undo...): becomes a private reply and changes nothing. */
export class UserError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

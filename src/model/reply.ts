/**
 * The platform-neutral answer the core gives. Text uses a small Markdown subset:
 * **bold**, _italic_, `code`, [label](https://url), "- " bullets and line breaks.
 * Each adapter renders it with one pure function plus a plain-text fallback.
 */
export interface Reply {
  /** private = only the caller sees it (ephemeral); public = posted in the channel. */
  visibility: 'private' | 'public';
  tone?: Tone;
  title?: string;
  /** Link for the title (a resource's page). */
  url?: string;
  text?: string;
  fields?: ReplyField[];
  progress?: ProgressLine[];
  buttons?: Button[];
  footer?: string;
}

export type Tone = 'info' | 'success' | 'warning' | 'error';

export interface ReplyField {
  name: string;
  value: string;
  inline?: boolean;
}

/** A labelled progress bar; renderers draw it with `progressBar()`. */
export interface ProgressLine {
  label: string;
  done: number;
  total: number;
  /** Shown after the bar, e.g. "55 of 240 min". */
  detail?: string;
}

/** A button the learner can press; `action` comes back to the core as an ActionPress. */
export interface Button {
  label: string;
  style: 'primary' | 'secondary' | 'success' | 'danger';
  action: ButtonAction;
  /** Destructive: the platform asks "are you sure?" before the press reaches the bot (where it can). */
  confirm?: ConfirmDialog;
}

/** The question a platform asks before a destructive press (Slack's confirm object). */
export interface ConfirmDialog {
  title: string;
  text: string;
  confirm: string;
  deny: string;
}

export interface ButtonAction {
  /** e.g. "done", "skip", "next", "forget-confirm", "snooze". */
  id: string;
  /** Short payload, e.g. a resource id; may be empty. */
  value: string;
}

/**
 * A Reply as it leaves the core for one reader: each button carries its whole action (path, action, resource and
 * owner) encoded once by action-id.ts, so a renderer needs nothing beside it. See address-reply.ts.
 */
export interface AddressedReply extends Omit<Reply, 'buttons'> {
  buttons?: AddressedButton[];
  /**
   * What the message whose button was pressed turns into (it keeps no buttons); absent when it stays as it was.
   * The answer itself (the next resource, a menu) is this reply.
   */
  pressedCard?: AddressedReply;
  /** This answer takes the pressed message's place (a menu replacing the card it was opened from). */
  inPlace?: boolean;
}

/** A button with the id the platform sends back on a press (Discord's custom_id, Slack's action_id). */
export interface AddressedButton extends Button {
  actionId: string;
}

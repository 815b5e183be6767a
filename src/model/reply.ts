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
}

export interface ButtonAction {
  /** e.g. "done", "skip", "next", "forget-confirm", "snooze". */
  id: string;
  /** Short payload, e.g. a resource id; may be empty. */
  value: string;
}

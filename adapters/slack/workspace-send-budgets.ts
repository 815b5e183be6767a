import type { SendBudget, SendBudgets, SendRate } from '../../src/ports/send-budget.js';

const MINUTE_MS = 60_000;

/**
 * SLACK_MESSAGES_PER_MINUTE as a rate: that many in any minute, per workspace, with a burst of about one
 * second's worth (Slack may drop bursts over its limit silently instead of answering 429). Slack rates
 * chat.postMessage per workspace (https://docs.slack.dev/reference/methods/chat.postMessage#rate-limiting).
 */
export function slackSendRate(perMinute: number): SendRate {
  return { limit: perMinute, windowMs: MINUTE_MS, burst: Math.max(1, Math.ceil(perMinute / 60)) };
}

/** The one method the bot posts with on its own; Slack rates each method per workspace. */
const POST_METHOD = 'chat.postMessage';

/** Each workspace's budget of proactive posts (`slack:<team>:chat.postMessage`), shared by every instance on a shared store. */
export function workspaceSendBudgets(budgets: SendBudgets, rate: SendRate): (workspace: string) => SendBudget {
  const known = new Map<string, SendBudget>();
  return (workspace) => {
    let budget = known.get(workspace);
    if (!budget) known.set(workspace, (budget = budgets.scope(`slack:${workspace}:${POST_METHOD}`, rate)));
    return budget;
  };
}

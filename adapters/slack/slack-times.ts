import { renderTimes, type TimeStyle } from '../../src/model/time-token.js';

/**
 * Slack's date formatting: each reader sees the time in their own zone; clients that cannot format it show the
 * fallback (the learner's-zone text, already escaped by toMrkdwn). https://docs.slack.dev/messaging/formatting-message-text#date-formatting
 */
const SLACK_FORMATS: Record<TimeStyle, string> = {
  'date-time': '{date_short_pretty} at {time}',
  time: '{time}',
  date: '{date_short_pretty}',
};

/** Every time token in mrkdwn -> `<!date^UNIX^format|fallback>`. */
export function slackTimes(mrkdwn: string): string {
  return renderTimes(
    mrkdwn,
    (mark) => `<!date^${mark.epochSeconds}^${SLACK_FORMATS[mark.style]}|${mark.fallback.replace(/[|>]/g, ' ')}>`,
  );
}

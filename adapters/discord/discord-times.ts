import { renderTimes, type TimeStyle } from '../../src/model/time-token.js';

/**
 * Discord's timestamp markup: each reader sees the time in their own zone. A date and time also says how far
 * off it is ("in 3 hours"). https://discord.com/developers/docs/reference#message-formatting-timestamp-styles
 */
const DISCORD_STYLES: Record<TimeStyle, (seconds: number) => string> = {
  'date-time': (seconds) => `<t:${seconds}:f> (<t:${seconds}:R>)`,
  time: (seconds) => `<t:${seconds}:t>`,
  date: (seconds) => `<t:${seconds}:D>`,
};

/** Every time token in Markdown -> Discord's `<t:UNIX:style>`. */
export function discordTimes(markdown: string): string {
  return renderTimes(markdown, (mark) => DISCORD_STYLES[mark.style](mark.epochSeconds));
}

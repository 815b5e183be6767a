import type { Tokens } from 'marked';
import { CurriculumError } from './curriculum-error.js';
import type { VideoItem } from './learning-path.js';
import { readLineParts } from './line-parts.js';
import { parseDuration } from './parse-duration.js';

const VIDEO_SHAPE = '"Title — [12 min] — [Channel]"';
/** "2 minz", "100": starts like a duration, so a typo in one, not a channel name ("3Blue1Brown" is not one). */
const DURATION_LIKE = /^\d+(?:\.\d+)?\s*[a-z]*$/i;

/** "Title — [2 min] — [Fireship]" in the seed's shape, brackets or not: the title, its length in minutes, its channel, a link. */
export function parseVideoItem(item: Tokens.ListItem, line: number, file: string): VideoItem | undefined {
  const parts = readLineParts(item, line, file);
  if (!parts) return undefined;
  const video: VideoItem = { title: parts.title };
  if (parts.url) video.url = parts.url;
  for (const value of parts.values) {
    const minutes = parseDuration(value);
    if (minutes !== undefined && video.minutes === undefined) {
      video.minutes = minutes;
    } else if (minutes !== undefined || DURATION_LIKE.test(value)) {
      const problem = minutes === undefined ? `"${value}" is not a duration` : `"${value}" is a second duration`;
      throw new CurriculumError(file, line, `video "${parts.title}": ${problem}; write it as ${VIDEO_SHAPE}`);
    } else if (video.channel === undefined) {
      video.channel = value;
    } else {
      throw new CurriculumError(
        file,
        line,
        `video "${parts.title}": "${video.channel}" and "${value}" cannot both be the channel; write it as ${VIDEO_SHAPE}`,
      );
    }
  }
  if (parts.values.length > 0) video.detail = parts.values.join(' — ');
  return video;
}

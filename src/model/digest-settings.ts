import { z } from 'zod';
import type { BoardId } from './board-id.js';
import type { Platform } from './invocation.js';

/** A channel's weekly digest, stored under its board's id (validated on read); its slot is derived from `nextAt`. */
export const digestSettingsSchema = z.object({
  v: z.literal(1),
  platform: z.enum(['discord', 'slack', 'console']),
  workspace: z.string(),
  channelId: z.string(),
  path: z.string(),
  board: z.string(),
  /** 0 = Sunday. */
  weekday: z.number().int().min(0).max(6),
  time: z.string().regex(/^\d{2}:\d{2}$/),
  zone: z.string(),
  nextAt: z.number().int(),
});
export type DigestSettings = z.infer<typeof digestSettingsSchema> & { platform: Platform; board: BoardId };

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

import { z } from 'zod';
import type { Platform } from '../model/invocation.js';

/** A channel's weekly digest, stored under `digest:<board key>` (validated on read). */
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
export type DigestSettings = z.infer<typeof digestSettingsSchema> & { platform: Platform };

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export const digestKey = (board: string) => `digest:${board}`;

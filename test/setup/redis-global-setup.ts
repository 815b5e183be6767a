import type { TestProject } from 'vitest/node';
import { createRedisServerProcess, redisServerOnPath } from '../fakes/redis-server-process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Redis the suite uses: REDIS_URL when set, else a private server started for this run; absent when neither exists. */
    redisUrl: string | undefined;
  }
}

/** Gives the Redis tests a server: REDIS_URL when set (CI), else a private memory-only redis-server on loopback. */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const configured = process.env.REDIS_URL;
  if (configured) return void project.provide('redisUrl', configured);
  if (!redisServerOnPath()) return void project.provide('redisUrl', undefined); // test/setup/skip-reporter.ts says what that skipped
  const server = await createRedisServerProcess({ durable: false });
  await server.start();
  project.provide('redisUrl', server.url);
  return () => server.stop();
}

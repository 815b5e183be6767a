/** Runs recurring jobs. node-cron in production; tests call the jobs directly with a fake clock. */
export interface Scheduler {
  /** Runs `task` on a cron expression (UTC); a run still going when the next is due is not overlapped. */
  every(name: string, cron: string, task: () => Promise<void>): void;
  stop(): Promise<void>;
}

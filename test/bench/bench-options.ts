/** The parts of the benchmark, in the order they run. */
export const SECTIONS = [
  'commands',
  'tick',
  'leaderboard',
  'dashboard',
  'memory',
  'discord',
  'slack',
  'shared',
] as const;
export type SectionId = (typeof SECTIONS)[number];

export interface BenchOptions {
  json: boolean;
  size: 'quick' | 'full';
  only: SectionId[];
  /** Sections 1, 2 and 4 also run on this Redis when set (REDIS_URL). */
  redisUrl?: string;
  /** The Discord adapter's pacing (DISCORD_SENDS_PER_SECOND); its own default when unset. */
  discordSendsPerSecond?: number;
  /** Each fake Slack workspace's budget, and the adapter's SLACK_MESSAGES_PER_MINUTE. */
  slackMessagesPerMinute: number;
}

/** A workspace budget within Slack's "several hundred messages per minute" for chat.postMessage. */
const SLACK_BUDGET_PER_MINUTE = 600;

export const USAGE = `npm run bench -- [--size quick|full] [--only ${SECTIONS.join(',')}] [--json]
  --size quick   a tenth of the learners (commands: the same 10,000) and reminders: about a minute (default)
  --size full    the sizes of issue 7 (10,000 / 100,000 learners, 10,000 reminders per platform): ~10 minutes
  --only LIST    run only these parts, comma-separated
  --json         one JSON document on stdout instead of the table (progress still goes to stderr)
  REDIS_URL=redis://127.0.0.1:6379 runs commands, tick, leaderboard and dashboard on Redis too.
  DISCORD_SENDS_PER_SECOND and SLACK_MESSAGES_PER_MINUTE (default ${SLACK_BUDGET_PER_MINUTE}) set the fan-outs' pacing.`;

export function parseBenchOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions | { help: string } {
  const options: BenchOptions = {
    json: false,
    size: 'quick',
    only: [...SECTIONS],
    slackMessagesPerMinute: Number(env.SLACK_MESSAGES_PER_MINUTE || SLACK_BUDGET_PER_MINUTE),
  };
  if (env.REDIS_URL) options.redisUrl = env.REDIS_URL;
  if (env.DISCORD_SENDS_PER_SECOND) options.discordSendsPerSecond = Number(env.DISCORD_SENDS_PER_SECOND);
  for (let index = 0; index < argv.length; index += 1) {
    const [flag, inline] = argv[index]!.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[(index += 1)] ?? '';
    if (flag === '--json') options.json = true;
    else if (flag === '--size') {
      const size = value();
      if (size !== 'quick' && size !== 'full') return { help: `--size must be quick or full, not "${size}"\n${USAGE}` };
      options.size = size;
    } else if (flag === '--only') {
      const wanted = value()
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean);
      const unknown = wanted.filter((name) => !(SECTIONS as readonly string[]).includes(name));
      if (unknown.length > 0 || wanted.length === 0)
        return { help: `--only takes ${SECTIONS.join(', ')}; got "${wanted.join(',')}"\n${USAGE}` };
      options.only = SECTIONS.filter((name) => wanted.includes(name));
    } else return { help: flag === '--help' || flag === '-h' ? USAGE : `unknown option ${flag}\n${USAGE}` };
  }
  return options;
}

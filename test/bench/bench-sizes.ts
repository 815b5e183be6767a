/** How much each part does; `full` is what issue 7 asks for, `quick` mostly a tenth of it. */
export interface BenchSizes {
  /** Learners in the one channel the command benchmark runs in. */
  commandLearners: number;
  /** Write commands (done, undo) per round, each round followed by its raw baseline, and rounds. */
  writesPerRound: number;
  writeRounds: number;
  /** Read commands (next, progress) timed after the rounds, for their latency. */
  readCommands: number;
  /** Learner counts the reminder tick is measured at, and how many minutes are sampled at each. */
  tickLearners: number[];
  tickMinutes: number;
  /** Channel sizes for the leaderboard, and pages read at each. */
  boardSizes: number[];
  boardReads: number;
  memoryLearners: number;
  fanOutReminders: number;
  /** Community sizes the dashboard is read at (the smallest and the largest are compared), and views read at each. */
  dashboardSizes: number[];
  dashboardViews: number;
}

export const SIZES: Record<'quick' | 'full', BenchSizes> = {
  full: {
    commandLearners: 10_000,
    writesPerRound: 250,
    writeRounds: 40,
    readCommands: 2_000,
    tickLearners: [10_000, 100_000],
    tickMinutes: 30,
    boardSizes: [1_000, 10_000, 100_000],
    boardReads: 2_000,
    memoryLearners: 100_000,
    fanOutReminders: 10_000,
    dashboardSizes: [1_000, 100_000],
    dashboardViews: 500,
  },
  quick: {
    // As many learners as a full run (seeded once, shared with the tick): fewer would all fit in the
    // embedded store's cache of recent records and flatter the commands.
    commandLearners: 10_000,
    writesPerRound: 150,
    writeRounds: 20,
    readCommands: 600,
    tickLearners: [1_000, 10_000],
    tickMinutes: 20,
    boardSizes: [100, 1_000, 10_000],
    boardReads: 1_000,
    memoryLearners: 10_000,
    fanOutReminders: 1_000,
    dashboardSizes: [1_000, 10_000],
    dashboardViews: 200,
  },
};

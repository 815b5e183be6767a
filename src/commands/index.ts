import type { Command } from './command.js';
import { dashboardCommand } from './dashboard-command.js';
import { digestCommand } from './digest-command.js';
import { doneCommand } from './done-command.js';
import { exportCommand } from './export-command.js';
import { forgetCommand } from './forget-command.js';
import { helpCommand } from './help-command.js';
import { leaderboardCommand } from './leaderboard-command.js';
import { nextCommand } from './next-command.js';
import { pathCommand } from './path-command.js';
import { pauseCommand } from './pause-command.js';
import { planCommand } from './plan-command.js';
import { progressCommand } from './progress-command.js';
import { remindCommand } from './remind-command.js';
import { resumeCommand } from './resume-command.js';
import { skipCommand } from './skip-command.js';
import { snoozeCommand } from './snooze-command.js';
import { undoCommand } from './undo-command.js';

/** Every subcommand, in the order help lists them. */
export const commands: readonly Command[] = [
  nextCommand,
  doneCommand,
  skipCommand,
  undoCommand,
  progressCommand,
  planCommand,
  pathCommand,
  leaderboardCommand,
  remindCommand,
  snoozeCommand,
  pauseCommand,
  resumeCommand,
  exportCommand,
  forgetCommand,
  helpCommand,
  digestCommand,
  dashboardCommand,
];

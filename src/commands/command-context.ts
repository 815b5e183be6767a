import type { LearningPath } from '../curriculum/learning-path.js';
import type { CoreDeps } from '../learners/core-deps.js';
import type { LearnerSession } from '../learners/learner-session.js';
import type { CommandSpec } from './command.js';

/** What a subcommand runs with: the shared collaborators, its learning path, the caller's session and the command list. */
export interface CommandContext extends CoreDeps {
  path: LearningPath;
  learner: LearnerSession;
  commands: readonly CommandSpec[];
}

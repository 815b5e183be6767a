import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { ConfigError } from '../config.js';

import type { CurriculumWarning } from './curriculum-warning.js';
import type { LearningPath } from './learning-path.js';
import { parseCurriculum } from './parse-curriculum.js';

/**
 * Loads every curriculum/<command>.md; one file is one slash command. Throws CurriculumError on the first broken file;
 * hands each warning to `onWarning` (start-up logs them), or to Node's process warnings so none passes unseen.
 */
export async function loadCurricula(
  directory: string,
  onWarning: (warning: CurriculumWarning) => void = emitWarning,
): Promise<LearningPath[]> {
  const names = (await listFolder(directory))
    .filter((name) => name.endsWith('.md') && !name.startsWith('_') && name.toLowerCase() !== 'readme.md')
    .sort();
  if (names.length === 0)
    throw new ConfigError(
      `CURRICULUM_DIR ${directory} holds no learning-path files (*.md). Add one, or point it at the folder that has them (default ./curriculum).`,
    );
  const paths: LearningPath[] = [];
  for (const name of names) {
    const file = join(directory, name);
    const shownAs = relative(process.cwd(), file) || file;
    const { path, warnings } = parseCurriculum(await readFile(file, 'utf8'), basename(name, '.md'), shownAs);
    warnings.forEach((warning) => onWarning(warning));
    paths.push(path);
  }
  return paths;
}

function emitWarning(warning: CurriculumWarning): void {
  process.emitWarning(warning.message, 'CurriculumWarning');
}

async function listFolder(directory: string): Promise<string[]> {
  try {
    return await readdir(directory);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const problem =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'ENOTDIR'
          ? 'is not a folder'
          : `cannot be read (${String(code ?? error)})`;
    throw new ConfigError(
      `CURRICULUM_DIR ${directory} ${problem}. Point it at the folder of learning paths (default ./curriculum).`,
      { cause: error },
    );
  }
}

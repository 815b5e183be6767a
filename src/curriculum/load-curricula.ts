import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { ConfigError } from '../config.js';
import { CurriculumError } from './curriculum-error.js';
import type { LearningPath } from './learning-path.js';
import { parseCurriculum } from './parse-curriculum.js';

/** Loads every curriculum/<command>.md; one file is one slash command. Throws CurriculumError on the first broken file. */
export async function loadCurricula(directory: string): Promise<LearningPath[]> {
  const names = (await listFolder(directory)).filter((name) => name.endsWith('.md') && !name.startsWith('_') && name.toLowerCase() !== 'readme.md').sort();
  if (names.length === 0) throw new CurriculumError(directory, 0, 'no learning-path files (*.md) found');
  const paths: LearningPath[] = [];
  for (const name of names) {
    const file = join(directory, name);
    const shownAs = relative(process.cwd(), file) || file;
    paths.push(parseCurriculum(await readFile(file, 'utf8'), basename(name, '.md'), shownAs));
  }
  return paths;
}

async function listFolder(directory: string): Promise<string[]> {
  try {
    return await readdir(directory);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const problem = code === 'ENOENT' ? 'does not exist' : code === 'ENOTDIR' ? 'is not a folder' : `cannot be read (${String(code ?? error)})`;
    throw new ConfigError(`CURRICULUM_DIR ${directory} ${problem}. Point it at the folder of learning paths (default ./curriculum).`, { cause: error });
  }
}

/** Something in a curriculum file the bot reads past without showing it (an unknown section, a template line): start-up logs it. */
export interface CurriculumWarning {
  file: string;
  line: number;
  problem: string;
  /** "file:line: problem", as a CurriculumError reads. */
  message: string;
}

export function curriculumWarning(file: string, line: number, problem: string): CurriculumWarning {
  return { file, line, problem, message: `${file}:${line}: ${problem}` };
}

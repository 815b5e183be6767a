/** A broken curriculum file: names the file, the line and what is wrong; start-up stops on it. */
export class CurriculumError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'CurriculumError';
  }
}

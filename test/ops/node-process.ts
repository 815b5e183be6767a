import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EVENTUALLY_TIMEOUT_MS, eventuallyFound } from '../support/eventually.js';

export const ROOT = join(import.meta.dirname, '../..');
/** The same loader as `npm start`, by absolute URL so the process may run in any folder. */
const TSX = pathToFileURL(createRequire(join(ROOT, 'package.json')).resolve('tsx')).href;
/** Keeps the started process on loopback too. */
const LOOPBACK_ONLY = join(ROOT, 'test/setup/refuse-non-loopback-child.ts');
const CLEAN_ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };

/** One JSON log line the process wrote to stderr. */
export type LogLine = Record<string, unknown> & { message: string; level: string };

/** A TypeScript entry point run the way `npm start` runs it, with only the given environment. */
export interface NodeProcess {
  readonly child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** What was written to stderr alone. */
  stderr(): string;
  logs(): LogLine[];
  /** The first log line with this message (and these fields), waiting up to `timeoutMs` for it. */
  waitForLog(message: string, fields?: Record<string, unknown>, timeoutMs?: number): Promise<LogLine>;
  /** Resolves with the exit code (or the signal that ended it). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Like `exited`, once all of its output has been read too. */
  readonly closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILLs the process if it is still running (test clean-up). */
  kill(): void;
}

export interface NodeProcessOptions {
  /** The working directory (default: the repository, where a developer's own .env may be read). */
  cwd?: string;
  /** Written to stdin, which then ends; no stdin otherwise. */
  input?: string;
  /** Stdin stays open instead (write to `child.stdin`, end it to finish a console session). */
  openStdin?: boolean;
  args?: string[];
}

export function startNodeProcess(
  script: string,
  env: Record<string, string>,
  options: NodeProcessOptions = {},
): NodeProcess {
  const stdin = options.input === undefined && !options.openStdin ? 'ignore' : 'pipe';
  const child = spawn(
    process.execPath,
    ['--import', TSX, '--import', LOOPBACK_ONLY, join(ROOT, script), ...(options.args ?? [])],
    { cwd: options.cwd ?? ROOT, env: { ...CLEAN_ENV, ...env }, stdio: [stdin, 'pipe', 'pipe'] },
  );
  if (options.input !== undefined) child.stdin!.end(options.input);
  let text = '';
  let errors = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    errors += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  // Output can still come after the exit: from processes it started, which share its stdout and stderr.
  let outputClosed = false;
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      outputClosed = true;
      resolve({ code, signal });
    }),
  );
  const logs = () =>
    text.split('\n').flatMap((line) => {
      if (!line.startsWith('{')) return [];
      try {
        return [JSON.parse(line) as LogLine];
      } catch {
        return [];
      }
    });
  const matches = (line: LogLine, message: string, fields: Record<string, unknown>) =>
    line.message === message && Object.entries(fields).every(([key, value]) => line[key] === value);
  return {
    child,
    output: () => text,
    stderr: () => errors,
    logs,
    waitForLog: (message, fields = {}, timeoutMs = EVENTUALLY_TIMEOUT_MS) =>
      eventuallyFound(() => logs().find((line) => matches(line, message, fields)), {
        timeoutMs,
        intervalMs: 25,
        hopeless: () => outputClosed,
        what: () => `a "${message}" log line ${JSON.stringify(fields)}; output:\n${text}`,
      }),
    exited,
    closed,
    kill: () => void (child.exitCode === null && child.signalCode === null && child.kill('SIGKILL')),
  };
}

/** Waits for the exit, failing the test instead of hanging when it does not come in time. */
export async function exitWithin(
  process: NodeProcess,
  timeoutMs: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; elapsedMs: number }> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>(
    (_, reject) =>
      (timer = setTimeout(
        () => reject(new Error(`did not exit within ${timeoutMs} ms; output:\n${process.output()}`)),
        timeoutMs,
      )),
  );
  try {
    return { ...(await Promise.race([process.exited, late])), elapsedMs: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

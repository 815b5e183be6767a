import { beforeEach, describe, expect, it } from 'vitest';
import { knownActions } from '../../src/actions/run-action.js';
import { errorReply } from '../../src/bot.js';
import { commands } from '../../src/commands/index.js';
import { parseCommandLine } from '../../src/commands/parse-command-line.js';
import type { ActionPress, Invocation } from '../../src/model/invocation.js';
import { encodeLearnerId } from '../../src/model/learner-id.js';
import type { Reply } from '../../src/model/reply.js';
import { UserError } from '../../src/model/user-error.js';
import { createTestBot, type TestBot } from '../fakes/test-bot.js';
import { GENERAL, learner, run, consoleBoard } from '../fixtures/learners.js';

/** Names every plain object inherits: a lookup in `{}` finds them unless it asks for own keys only. */
const INHERITED = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

/** Values that make the other options of a subcommand valid, so the inherited name is the only thing wrong. */
const COMPANIONS: Record<string, Record<string, string>> = {
  remind: { time: '09:00', zone: 'UTC' },
  digest: { day: 'monday', time: '9am' },
};

const ana = learner('ana', 'Ana');
let t: TestBot;

beforeEach(async () => {
  t = await createTestBot();
  await run(t.bot, ana, 'done');
  await run(t.bot, ana, 'remind', { time: '08:15', zone: 'Europe/Berlin' });
});

/** What a learner could notice changing: their record and their channel's board. */
async function snapshot(): Promise<string> {
  return JSON.stringify({
    record: await t.store.learners.get(encodeLearnerId(ana)),
    board: await t.store.boards.top(consoleBoard(), 10),
  });
}

/** `/webrtc <command>` with structured options, as Discord sends them; admin, so `digest` is reached too. */
function invoke(command: string, args: Record<string, string>): Promise<Reply> {
  const invocation: Invocation = { path: 'webrtc', command, args, user: ana, channel: GENERAL, isAdmin: true };
  return t.bot.handle(invocation);
}

/** `/webrtc <text>` as Slack and the console read it: the same parser, its refusals answered as they answer them. */
async function typed(text: string): Promise<Reply> {
  const spec = t.bot.paths.find((path) => path.name === 'webrtc')!;
  try {
    const parsed = parseCommandLine(text, spec);
    return await invoke(parsed.command, parsed.args);
  } catch (error) {
    if (error instanceof UserError) return errorReply(error);
    throw error;
  }
}

function press(overrides: Partial<ActionPress>): Promise<Reply> {
  return t.bot.handleAction({
    path: 'webrtc',
    actionId: 'next',
    value: '',
    ownerId: ana.id,
    user: ana,
    channel: GENERAL,
    ...overrides,
  });
}

/** Every argument slot of every subcommand, with one inherited name in it. */
const ARGUMENT_CASES = commands.flatMap((command) =>
  command.options.flatMap((option) =>
    INHERITED.map((name) => ({
      label: `${command.name} ${option.name}:${name}`,
      command: command.name,
      args: { ...COMPANIONS[command.name], [option.name]: name },
      text: [
        command.name,
        ...command.options.map((other) => (other === option ? name : (COMPANIONS[command.name]?.[other.name] ?? 'x'))),
      ].join(' '),
    })),
  ),
);

/** The subcommand name itself, and an option name no subcommand has. */
const NAME_CASES = INHERITED.flatMap((name) => [
  { label: `subcommand ${name}`, command: name, args: {}, text: name },
  ...commands.map((command) => ({
    label: `${command.name} with an option called ${name}`,
    command: command.name,
    args: Object.fromEntries([[name, 'x']]),
    text: `${command.name} ${name}`,
  })),
]);

async function expectClearError(reply: Reply, before: string): Promise<void> {
  expect(reply.visibility).toBe('private');
  expect(reply.tone).toBe('error');
  expect(reply.text).toMatch(/\S/);
  expect(reply.text).not.toMatch(/something went wrong/i);
  expect(await snapshot()).toBe(before);
}

describe('names of Object.prototype in user text get the normal clear error and change nothing', () => {
  it('covers every option of every subcommand', () => {
    const covered = new Set(ARGUMENT_CASES.map((entry) => entry.label.split(':')[0]));
    const options = commands.flatMap((command) => command.options.map((option) => `${command.name} ${option.name}`));
    expect(options.length).toBeGreaterThan(5);
    expect([...covered].sort()).toEqual([...options].sort());
  });

  it.each([...ARGUMENT_CASES, ...NAME_CASES])('as options: $label', async ({ command, args }) => {
    const before = await snapshot();
    await expectClearError(await invoke(command, args), before);
  });

  it.each([...ARGUMENT_CASES, ...NAME_CASES])('as typed text: $label', async ({ text }) => {
    const before = await snapshot();
    await expectClearError(await typed(text), before);
  });

  it.each(INHERITED)('a button whose action is %s is "from an older version"', async (name) => {
    const before = await snapshot();
    const reply = await press({ actionId: name });
    await expectClearError(reply, before);
    expect(reply.text).toContain('older version');
  });

  it.each(INHERITED)('a button for the path %s names no path', async (name) => {
    const before = await snapshot();
    await expectClearError(await press({ path: name, actionId: 'done', value: 'webrtc-basics' }), before);
  });

  it.each(knownActions().filter((kind) => kind === 'done' || kind === 'skip'))(
    'a %s button whose resource is an inherited name',
    async (kind) => {
      for (const name of INHERITED) {
        const before = await snapshot();
        await expectClearError(await press({ actionId: kind, value: name }), before);
      }
    },
  );

  it.each(knownActions())('a %s button of someone called after an inherited name is not yours', async (kind) => {
    for (const name of INHERITED) {
      const before = await snapshot();
      const reply = await press({ actionId: kind, ownerId: name });
      expect(reply).toMatchObject({ visibility: 'private', tone: 'warning' });
      expect(reply.text).toContain("This one isn't yours");
      expect(await snapshot()).toBe(before);
    }
  });
});

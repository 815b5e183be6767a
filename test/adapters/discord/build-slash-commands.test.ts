import { ApplicationCommandOptionType, type APIApplicationCommandStringOption } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { buildSlashCommands } from '../../../adapters/discord/build-slash-commands.js';
import { pathOfCommand } from '../../../adapters/discord/slash-command-names.js';
import type { PathCommandSpec } from '../../../src/commands/command.js';
import { commands } from '../../../src/commands/index.js';
import { MAX_ARGUMENT_LENGTH } from '../../../src/commands/validate-args.js';

const webrtc: PathCommandSpec = {
  name: 'webrtc',
  title: 'WebRTC',
  description: 'Learn WebRTC one resource at a time',
  commands: [
    { name: 'next', description: 'Your next resource', options: [], usage: 'next' },
    {
      name: 'done',
      description: 'Mark a resource done',
      options: [
        { name: 'resource', description: 'Which resource', kind: 'resource', required: false, autocomplete: true },
      ],
      usage: 'done [resource]',
    },
    {
      name: 'leaderboard',
      description: 'This channel’s leaderboard',
      options: [
        {
          name: 'scope',
          description: 'week, all, hide or show',
          kind: 'choice',
          required: false,
          choices: ['week', 'all', 'hide', 'show'],
        },
      ],
      usage: 'leaderboard [week|all|hide|show]',
    },
    {
      name: 'remind',
      description: 'Daily reminder',
      options: [
        { name: 'zone', description: 'IANA time zone', kind: 'zone', required: false, autocomplete: true },
        { name: 'time', description: 'HH:MM or off', kind: 'time', required: true },
      ],
      usage: 'remind HH:MM [zone]',
    },
  ],
};

const withDigest: PathCommandSpec = {
  ...webrtc,
  commands: [
    ...webrtc.commands,
    {
      name: 'digest',
      description: 'Weekly leaderboard post for this channel',
      options: [{ name: 'when', description: 'day and time, or off', kind: 'text', required: true }],
      adminOnly: true,
      usage: 'digest <day HH:MM|off>',
    },
  ],
};

describe('buildSlashCommands', () => {
  it('builds one /webrtc command with a subcommand per core command and string options', () => {
    expect(buildSlashCommands([webrtc])).toEqual([
      {
        type: 1,
        name: 'webrtc',
        description: 'Learn WebRTC one resource at a time',
        integration_types: [0, 1],
        contexts: [0, 1, 2],
        options: [
          { type: 1, name: 'next', description: 'Your next resource', options: [] },
          {
            type: 1,
            name: 'done',
            description: 'Mark a resource done',
            options: [
              {
                type: 3,
                name: 'resource',
                description: 'Which resource',
                required: false,
                max_length: 100,
                autocomplete: true,
              },
            ],
          },
          {
            type: 1,
            name: 'leaderboard',
            description: 'This channel’s leaderboard',
            options: [
              {
                type: 3,
                name: 'scope',
                description: 'week, all, hide or show',
                required: false,
                choices: [
                  { name: 'week', value: 'week' },
                  { name: 'all', value: 'all' },
                  { name: 'hide', value: 'hide' },
                  { name: 'show', value: 'show' },
                ],
              },
            ],
          },
          {
            type: 1,
            name: 'remind',
            description: 'Daily reminder',
            options: [
              { type: 3, name: 'time', description: 'HH:MM or off', required: true, max_length: 100 },
              {
                type: 3,
                name: 'zone',
                description: 'IANA time zone',
                required: false,
                max_length: 100,
                autocomplete: true,
              },
            ],
          },
        ],
      },
    ]);
  });

  it('moves admin-only subcommands into /webrtc-admin, visible to Manage Server by default, guilds only', () => {
    const [learner, admin] = buildSlashCommands([withDigest]);
    expect(learner?.options?.map((option) => option.name)).toEqual(['next', 'done', 'leaderboard', 'remind']);
    expect(learner?.default_member_permissions).toBeUndefined();
    expect(admin).toEqual({
      type: 1,
      name: 'webrtc-admin',
      description: 'WebRTC: server settings',
      integration_types: [0],
      contexts: [0],
      default_member_permissions: '32',
      options: [
        {
          type: 1,
          name: 'digest',
          description: 'Weekly leaderboard post for this channel',
          options: [{ type: 3, name: 'when', description: 'day and time, or off', required: true, max_length: 100 }],
        },
      ],
    });
  });

  it("the bot's own commands: every free-text option has max_length; resources, zones, days, dates, plan goals and snoozes are suggested", () => {
    const built = buildSlashCommands([{ ...webrtc, commands }]);
    const options = built.flatMap((command) =>
      (command.options ?? []).flatMap((subcommand) =>
        subcommand.type === ApplicationCommandOptionType.Subcommand ? (subcommand.options ?? []) : [],
      ),
    );
    const strings = options.filter(
      (option): option is APIApplicationCommandStringOption => option.type === ApplicationCommandOptionType.String,
    );
    expect(strings).toHaveLength(options.length);
    const free = strings.filter((option) => !option.choices);
    expect(free.length).toBeGreaterThan(3);
    expect(free.filter((option) => option.max_length !== MAX_ARGUMENT_LENGTH)).toEqual([]);
    const suggested = built[0]!.options!.flatMap((subcommand) =>
      subcommand.type === ApplicationCommandOptionType.Subcommand
        ? (subcommand.options ?? [])
            .filter((option) => 'autocomplete' in option && option.autocomplete)
            .map((option) => `${subcommand.name} ${option.name}`)
        : [],
    );
    expect(suggested).toEqual([
      'done resource',
      'skip resource',
      'plan goal',
      'remind zone',
      'remind days',
      'snooze until',
      'pause until',
    ]);
  });

  it('builds one command per learning path and cuts descriptions to 100 characters', () => {
    const long = { ...webrtc, name: 'rust', description: 'x'.repeat(150) };
    const built = buildSlashCommands([webrtc, long]);
    expect(built.map((command) => command.name)).toEqual(['webrtc', 'rust']);
    expect(built[1]?.description).toHaveLength(100);
  });

  it('refuses more subcommands than Discord allows instead of registering a broken command', () => {
    const crowded = {
      ...webrtc,
      commands: Array.from({ length: 26 }, (_, index) => ({
        name: `c${index}`,
        description: 'd',
        options: [],
        usage: '',
      })),
    };
    expect(() => buildSlashCommands([crowded])).toThrow(/26 subcommands; Discord allows 25/);
  });
});

describe('buildSlashCommands names', () => {
  it('refuses a name Discord would reject, saying which one', () => {
    expect(() => buildSlashCommands([{ ...webrtc, name: 'WebRTC' }])).toThrow(
      '"WebRTC" cannot be a Discord command or option name',
    );
    expect(() =>
      buildSlashCommands(
        [{ ...webrtc, name: 'a-very-long-learning-path-name' }].map((path) => ({
          ...path,
          commands: withDigest.commands,
        })),
      ),
    ).toThrow('"a-very-long-learning-path-name-admin" cannot be');
    const spaced = {
      ...webrtc,
      commands: [
        {
          name: 'next',
          description: 'd',
          options: [{ name: 'time zone', description: 'd', kind: 'zone' as const, required: false }],
          usage: '',
        },
      ],
    };
    expect(() => buildSlashCommands([spaced])).toThrow('"time zone" cannot be');
  });
});

describe('pathOfCommand', () => {
  it('maps /webrtc and /webrtc-admin back to the path, and nothing else', () => {
    expect(pathOfCommand('webrtc', [withDigest])).toBe('webrtc');
    expect(pathOfCommand('webrtc-admin', [withDigest])).toBe('webrtc');
    expect(pathOfCommand('webrtc-admin', [webrtc])).toBeUndefined();
    expect(pathOfCommand('rust', [webrtc])).toBeUndefined();
  });
});

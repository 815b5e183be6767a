import { describe, expect, it } from 'vitest';
import type { CurriculumWarning } from '../../src/curriculum/curriculum-warning.js';
import { loadCurricula } from '../../src/curriculum/load-curricula.js';
import { CURRICULUM_DIR } from '../fakes/test-bot.js';

// Expected values are copied from the WebRTC seed by hand; the tests never read the seed itself.
const EXPECTED_PHASES = [
  { id: 'foundations', number: 1, title: 'Foundations', requires: [] },
  { id: 'core-concepts', number: 2, title: 'Core Concepts', requires: ['foundations'] },
  { id: 'advanced-topics', number: 3, title: 'Advanced Topics', requires: [] },
];
const EXPECTED_RESOURCES = [
  {
    phase: 'foundations',
    title: 'WebRTC Basics',
    type: 'Article',
    minutes: 30,
    focus: 'Understanding WebRTC and its capabilities',
    nextStep: 'Move to resource 2',
  },
  {
    phase: 'foundations',
    title: 'WebRTC vs WebSockets',
    type: 'Article',
    minutes: 25,
    focus: 'Comparing WebRTC with WebSocket communication',
    nextStep: 'Move to Phase 2',
  },
  {
    phase: 'core-concepts',
    title: 'WebRTC Architecture',
    type: 'Article',
    minutes: 35,
    focus: 'Understanding WebRTC components and data flow',
  },
  {
    phase: 'core-concepts',
    title: 'Signaling and STUN/TURN',
    type: 'Article',
    minutes: 40,
    focus: 'How WebRTC establishes connections',
  },
  {
    phase: 'core-concepts',
    title: 'Media Streams',
    type: 'Article',
    minutes: 30,
    focus: 'Handling audio and video streams',
  },
  {
    phase: 'advanced-topics',
    title: 'WebRTC Implementation',
    type: 'Article',
    minutes: 45,
    focus: 'Building WebRTC applications',
  },
  {
    phase: 'advanced-topics',
    title: 'WebRTC Scaling',
    type: 'Article',
    minutes: 35,
    focus: 'Scaling WebRTC applications',
  },
];

describe('curriculum/webrtc.md matches the seed', async () => {
  const warnings: CurriculumWarning[] = [];
  const [path] = await loadCurricula(CURRICULUM_DIR, (warning) => warnings.push(warning));
  if (!path) throw new Error('no curriculum loaded');

  it('loads without a warning: every line of it is read', () => {
    expect(warnings.map((warning) => warning.message)).toEqual([]);
  });

  it('is the /webrtc command with its overview, prerequisites and notes', () => {
    expect(path.command).toBe('webrtc');
    expect(path.title).toBe('WebRTC');
    expect(path.overview).toMatch(/^WebRTC \(Web Real-Time Communication\) is a collection of protocols and APIs/);
    expect(path.overview).toMatch(/peer-to-peer data sharing\.$/);
    expect(path.prerequisites).toBe('Understanding of networking concepts and real-time communication requirements.');
    expect(path.notes).toMatch(
      /^WebRTC is ideal for real-time communication applications.*Consider using media servers for complex scenarios\.$/,
    );
  });

  it('has the 3 phases in order with their dependencies', () => {
    expect(path.phases.map(({ id, number, title, requires }) => ({ id, number, title, requires }))).toEqual(
      EXPECTED_PHASES,
    );
  });

  it('has the 7 resources in order with type, duration, focus and next step', () => {
    expect(
      path.resources.map((resource) => ({
        phase: resource.phaseId,
        title: resource.title,
        type: resource.type,
        minutes: resource.minutes,
        focus: resource.focus,
        ...(resource.nextStep ? { nextStep: resource.nextStep } : {}),
      })),
    ).toEqual(EXPECTED_RESOURCES);
    expect(path.resources).toHaveLength(7);
    expect(path.totalMinutes).toBe(240);
  });

  it('gives every resource a stable slug id and positions within its phase', () => {
    expect(path.resources.map((resource) => `${resource.id}@${resource.position}`)).toEqual([
      'webrtc-basics@1',
      'webrtc-vs-websockets@2',
      'webrtc-architecture@1',
      'signaling-and-stun-turn@2',
      'media-streams@3',
      'webrtc-implementation@1',
      'webrtc-scaling@2',
    ]);
  });

  it('links only to real pages, never to a placeholder', () => {
    for (const resource of path.resources)
      if (resource.url)
        expect(resource.url).toMatch(/^https:\/\/(developer\.mozilla\.org|webrtc\.org|webrtcforthecurious\.com)\//);
    expect(path.resources.find((resource) => resource.id === 'webrtc-basics')?.url).toBe(
      'https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API',
    );
  });

  it("keeps each resource's link exactly", () => {
    expect(path.resources.map((resource) => resource.url)).toEqual([
      'https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API',
      undefined,
      'https://webrtcforthecurious.com/',
      'https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API/Protocols',
      'https://developer.mozilla.org/en-US/docs/Web/API/Media_Capture_and_Streams_API',
      'https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API/Signaling_and_video_calling',
      undefined,
    ]);
  });

  it('has the additional resources and videos without raw placeholders', () => {
    expect(path.extras.map((extra) => extra.title)).toEqual([
      'WebRTC API Reference',
      'Real-time Communication Guide',
      'WebRTC Best Practices',
    ]);
    expect(path.videos.map((video) => video.title)).toEqual(['WebRTC Explained', 'WebRTC Implementation']);
    const shown = JSON.stringify([path.extras, path.videos]);
    expect(shown).not.toMatch(/\[(URL|Duration|Channel)/);
    expect(path.extras).toEqual([
      { title: 'WebRTC API Reference', url: 'https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API' },
      { title: 'Real-time Communication Guide', url: 'https://webrtc.org/getting-started/overview' },
      { title: 'WebRTC Best Practices' },
    ]);
    expect(path.videos).toEqual([{ title: 'WebRTC Explained' }, { title: 'WebRTC Implementation' }]);
  });

  it('has the completion checklist, with phase items tied to their phase', () => {
    expect(path.checklist).toEqual([
      { id: 'phase-1-completed', text: 'Phase 1 completed', phaseId: 'foundations' },
      { id: 'phase-2-completed', text: 'Phase 2 completed', phaseId: 'core-concepts' },
      { id: 'phase-3-completed', text: 'Phase 3 completed', phaseId: 'advanced-topics' },
      { id: 'supplementary-materials-reviewed', text: 'Supplementary materials reviewed' },
    ]);
  });
});

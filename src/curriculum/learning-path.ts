/** One thing to read or watch. `id` is a stable slug: progress is stored by it. */
export interface Resource {
  id: string;
  title: string;
  /** "Article", "Video", ... as written in the path. */
  type: string;
  minutes: number;
  focus: string;
  nextStep?: string;
  url?: string;
  phaseId: string;
  /** 1-based position inside its phase. */
  position: number;
}

/** A phase of the path; `requires` lists the phase ids that must be complete first. */
export interface Phase {
  id: string;
  number: number;
  title: string;
  requires: string[];
  resources: Resource[];
}

/** An extra resource or a video: a title, and a link or detail only when the path has a real one. */
export interface ExtraItem {
  title: string;
  url?: string;
  detail?: string;
}

/** A supplementary video: an ExtraItem whose `detail` holds its real parts as written ("2 min — Fireship"), read apart too. */
export interface VideoItem extends ExtraItem {
  /** Length in minutes, from "[2 min]" or "12 min". */
  minutes?: number;
  /** Channel or source, from "[Fireship]". */
  channel?: string;
}

/** A completion checklist line; `phaseId` ties it to a phase, otherwise the learner ticks it. */
export interface ChecklistItem {
  id: string;
  text: string;
  phaseId?: string;
}

/** A whole learning path, parsed and validated from curriculum/<command>.md. */
export interface LearningPath {
  /** The slash command name, from the file name ("webrtc"). */
  command: string;
  title: string;
  overview: string;
  prerequisites: string;
  phases: Phase[];
  /** Every resource in path order. */
  resources: Resource[];
  extras: ExtraItem[];
  videos: VideoItem[];
  checklist: ChecklistItem[];
  notes: string;
  totalMinutes: number;
  /** The file it came from, for messages. */
  source: string;
}

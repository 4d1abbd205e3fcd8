/**
 * Processes (T1–T4, A8): the JSON of `/api/portal/processes`, mirrored from server/features/processes/schemas.ts, and
 * the rich text notices carry, mirrored from server/content/rich-text.ts — not imported, so the widget bundle never
 * depends on server modules. A type test in test/widgets/portal-process-tracker.test.ts fails the type-check if they
 * drift apart.
 */

/** Inline rich text: plain runs, code, line breaks, emphasis, and https/mailto links. */
export type RichInline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'break' }
  | { type: 'strong' | 'em' | 'del'; children: RichInline[] }
  | { type: 'link'; href: string; children: RichInline[] };

/** Block rich text; headings are levels 3–6, under the widget's own headings. */
export type RichBlock =
  | { type: 'paragraph'; children: RichInline[] }
  | { type: 'heading'; level: 3 | 4 | 5 | 6; children: RichInline[] }
  | { type: 'list'; ordered: boolean; start?: number; items: RichBlock[][] }
  | { type: 'quote'; children: RichBlock[] }
  | { type: 'code'; text: string }
  | { type: 'rule' };

/** A business's Markdown, parsed on the server into allowed nodes; rendered by `renderRichText`. */
export type RichText = RichBlock[];

/** One phase of a process, in the requested locale. */
export interface PhaseView {
  key: string;
  name: string;
  description: string | null;
  /** 1-based. */
  position: number;
  state: 'done' | 'current' | 'upcoming';
  /** When the process last entered this phase. */
  enteredAt: string | null;
}

/** A process in the list (T1). */
export interface ProcessSummary {
  id: string;
  accountId: string;
  accountName: string;
  title: string;
  kind: string | null;
  currentPhase: { key: string; name: string; position: number } | null;
  phaseCount: number;
  /** Notices published since the user last opened the process (0 for quick access). */
  unread: number;
  updatedAt: string;
}

/** A notice (something happened) or a follow-up (what to do next). */
export interface ProcessNotice {
  id: string;
  kind: 'notice' | 'follow-up';
  title: string;
  body: RichText;
  publishedAt: string;
  /** Published since the user last opened the process. */
  unread: boolean;
}

/** One process, opened (T2–T4). */
export interface ProcessDetail extends ProcessSummary {
  /** The portal's own quick-access number (A8, T4). */
  quickAccessNumber: string;
  references: { label: string; value: string; secret: boolean }[];
  phases: PhaseView[];
  /** Phase changes, newest first. */
  history: { phase: string; phaseName: string; at: string; note: string | null }[];
  /** Newest first. */
  notices: ProcessNotice[];
  /** When the user had last opened it before now (null: never, or quick access). */
  lastSeenAt: string | null;
  createdAt: string;
}

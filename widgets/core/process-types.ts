/**
 * Processes (T1–T4, A8): the JSON of `/api/portal/processes` and the rich text notices carry, typed by the server's
 * own definitions (`import type`: erased at build, so the widget bundle carries none of the server's code).
 */
export type { RichBlock, RichInline, RichText } from '../../server/content/rich-text.ts';
export type { PhaseView, ProcessDetail, ProcessNotice, ProcessSummary } from '../../server/features/processes/schemas.ts';

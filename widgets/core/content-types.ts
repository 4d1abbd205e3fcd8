/**
 * Content (C1–C4): the JSON of `/api/portal/news`, `materials`, `campaigns` and `feedback`, typed by the server's own
 * definitions (`import type`: erased at build, so the widget bundle carries none of the server's code).
 */
import type { Campaign, Material, NewsSummary } from '../../server/features/content/schemas.ts';

export type { Campaign, ContentImage, Material, NewsArticle, NewsSummary } from '../../server/features/content/schemas.ts';

/** A page of news, newest first, and how many the reader has not opened (0 for quick access). */
export interface NewsPage {
  items: NewsSummary[];
  /** The cursor of the next (older) page; null at the end. */
  next: string | null;
  unread: number;
}

/** `GET /api/portal/materials`: every topic the business uses, and the materials matching the query. */
export interface MaterialList {
  topics: string[];
  items: Material[];
}

/** What narrows the materials: words (`q`) and a topic. */
export interface MaterialQuery {
  q?: string;
  topic?: string;
}

/** A client's opinion (C4): a rating of 1 to 5 and an optional comment. */
export interface FeedbackInput {
  rating: number;
  comment?: string;
}

/** A campaign's interest answered (C3): the request it opened. */
export interface InterestAnswer {
  requestId: string;
}

/** The list of campaigns. */
export interface CampaignList {
  items: Campaign[];
}

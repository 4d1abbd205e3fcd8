/**
 * Rich text as the APIs send it: Markdown written by a business (notices, news, materials) parsed on the server into
 * this small tree of allowed nodes. Widgets render the tree with their own templates, so no HTML from a tenant ever
 * reaches a page: there is nothing to sanitise on the client and nothing for Trusted Types to refuse. Links are
 * https or mailto only; anything else becomes plain text.
 */
export type RichInline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'break' }
  | { type: 'strong' | 'em' | 'del'; children: RichInline[] }
  | { type: 'link'; href: string; children: RichInline[] };

export type RichBlock =
  | { type: 'paragraph'; children: RichInline[] }
  /** Levels 1–6 of the source become 3–6: a notice sits under the widget's own headings. */
  | { type: 'heading'; level: 3 | 4 | 5 | 6; children: RichInline[] }
  | { type: 'list'; ordered: boolean; start?: number; items: RichBlock[][] }
  | { type: 'quote'; children: RichBlock[] }
  | { type: 'code'; text: string }
  | { type: 'rule' };

export type RichText = RichBlock[];

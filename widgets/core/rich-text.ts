import { html, nothing, type TemplateResult } from 'lit';
import type { RichBlock, RichInline, RichText } from './process-types.ts';

/** What the renderer needs from the widget: the words that tell a link opens in a new tab (read, not shown). */
export interface RichTextOptions {
  newTabLabel?: string;
}

/**
 * Whether a link may be rendered: https or mailto only. The server already drops anything else; this is checked
 * again here so a forged or stale tree can never put a `javascript:` (or `data:`, `http:`) link on a page.
 */
export function isSafeHref(href: unknown): href is string {
  return typeof href === 'string' && /^(https:\/\/|mailto:)/i.test(href);
}

/**
 * Renders rich text (notices, news) as Lit templates: every string goes into a text node, so a tenant's words can
 * never become markup — no `unsafeHTML`, no `innerHTML`, nothing for Trusted Types to refuse. Unknown nodes are
 * left out. Links open in a new tab without handing it this page (`noopener noreferrer`).
 */
export function renderRichText(tree: RichText, options: RichTextOptions = {}): TemplateResult {
  return html`${blocks(tree, options)}`;
}

function blocks(nodes: unknown, options: RichTextOptions): (TemplateResult | typeof nothing)[] {
  return Array.isArray(nodes) ? nodes.map((node: RichBlock) => block(node, options)) : [];
}

function inlines(nodes: unknown, options: RichTextOptions): (TemplateResult | string | typeof nothing)[] {
  return Array.isArray(nodes) ? nodes.map((node: RichInline) => inline(node, options)) : [];
}

function block(node: RichBlock, options: RichTextOptions): TemplateResult | typeof nothing {
  switch (node?.type) {
    case 'paragraph':
      return html`<p>${inlines(node.children, options)}</p>`;
    case 'heading': {
      const content = inlines(node.children, options);
      // Lit cannot bind a tag name; the levels the server allows are few.
      if (node.level === 3) return html`<h3>${content}</h3>`;
      if (node.level === 4) return html`<h4>${content}</h4>`;
      if (node.level === 5) return html`<h5>${content}</h5>`;
      return html`<h6>${content}</h6>`;
    }
    case 'list': {
      const items = Array.isArray(node.items) ? node.items.map((item) => html`<li>${blocks(item, options)}</li>`) : [];
      const start = Number.isInteger(node.start) && node.start !== 1 ? node.start : undefined;
      return node.ordered ? html`<ol start=${start ?? nothing}>${items}</ol>` : html`<ul>${items}</ul>`;
    }
    case 'quote':
      return html`<blockquote>${blocks(node.children, options)}</blockquote>`;
    case 'code':
      return html`<pre><code>${String(node.text ?? '')}</code></pre>`;
    case 'rule':
      return html`<hr />`;
    default:
      return nothing;
  }
}

function inline(node: RichInline, options: RichTextOptions): TemplateResult | string | typeof nothing {
  switch (node?.type) {
    case 'text':
      return String(node.text ?? '');
    case 'code':
      return html`<code>${String(node.text ?? '')}</code>`;
    case 'break':
      return html`<br />`;
    case 'strong':
      return html`<strong>${inlines(node.children, options)}</strong>`;
    case 'em':
      return html`<em>${inlines(node.children, options)}</em>`;
    case 'del':
      return html`<del>${inlines(node.children, options)}</del>`;
    case 'link': {
      const content = inlines(node.children, options);
      // A link that is not https or mailto keeps its words and loses the link.
      if (!isSafeHref(node.href)) return html`<span>${content}</span>`;
      const label = options.newTabLabel ? html`<span class="visually-hidden"> ${options.newTabLabel}</span>` : nothing;
      return html`<a href=${node.href} target="_blank" rel="noopener noreferrer">${content}${label}</a>`;
    }
    default:
      return nothing;
  }
}

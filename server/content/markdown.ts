/**
 * Markdown written by a business (notices, news, materials) → the RichText tree of allowed nodes. `marked`'s lexer
 * (GFM) reads the source and this module walks its tokens, building only the node types of `rich-text.ts`; nothing is
 * ever rendered to HTML and then sanitised, so there is no HTML for a sanitiser to miss.
 *
 * - Raw HTML, block or inline, is never interpreted: its characters are kept as plain text, so the author sees what
 *   they wrote (`<script>alert(1)</script>` shows as exactly that) and the widget escapes it like any other text.
 * - Links survive only as `https:` or `mailto:` URLs (see `safeHref`); any other link becomes the plain text of its
 *   label. A bare `www.` address (GFM autolink) is read as https. Images become a link to the image's URL labelled
 *   with the alt text (never an `<img>`: a tenant cannot make a visitor's browser fetch anything), or just the alt
 *   text when the URL is not allowed.
 * - Tables have no node of their own: each row becomes a paragraph with its cells joined by " · ".
 * - Headings 1–6 become levels 3–6 (the widget has its own headings); a code block keeps its text and drops its
 *   language; task-list boxes become the text "[ ] " / "[x] ".
 * - Text is what a reader should see: character references decoded (not in code, autolinks or raw HTML), C0 control
 *   characters but tab and newline stripped, adjacent text nodes merged.
 * - Hostile input cannot blow up the server or the widget (see `MARKDOWN_LIMITS`): the source is cut, container markers
 *   past `prefixColumns` on a line are escaped before lexing and inline runs with too many emphasis delimiters are kept
 *   literal (marked would recurse on them until the stack overflows, or take seconds), blocks and inlines nested deeper
 *   than `depth` are flattened to text, and past `blocks` blocks or `inlines` inline nodes the rest becomes text too.
 */
import { getDefaults, Lexer, type Token, type Tokens } from 'marked';
import type { RichBlock, RichInline, RichText } from './rich-text.ts';

export const MARKDOWN_LIMITS = {
  /**
   * Longer sources are cut. The notices API accepts 20,000 characters; marked's worst cases grow faster than linearly
   * (a 50,000-character `> - a⏎b⏎…` takes a second), so this stays at that.
   */
  sourceChars: 20_000,
  /** Blocks in the whole tree, nested ones included; the last one may be a paragraph holding the rest as text. */
  blocks: 2_000,
  /** Inline nodes other than text in the whole tree; past this, formatting and links become plain text. */
  inlines: 5_000,
  /** Nesting of blocks (quotes, lists) and, separately, of inlines (strong, em, del, links). */
  depth: 8,
  /** `*`, `_` and `~` in one inline run (a paragraph, a heading, a table cell) past which the run is kept as literal text. */
  delimitersPerRun: 1_000,
  /** Columns of `>`, list markers and indentation at the start of a line that marked gets to see as structure. */
  prefixColumns: 40,
} as const;

/**
 * Named character references decoded in text and link destinations: the 252 of HTML 4 plus `apos` and the few HTML 5
 * punctuation names people use to disguise URLs (`&Tab;`, `&colon;`). Unknown names stay literal, which is safe: an
 * undecoded `&…;` in a URL's scheme makes it unparseable, so the link becomes text.
 */
const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map(
  (
    'quot:22 amp:26 apos:27 lt:3c gt:3e nbsp:a0 iexcl:a1 cent:a2 pound:a3 curren:a4 yen:a5 brvbar:a6 sect:a7 uml:a8 ' +
    'copy:a9 ordf:aa laquo:ab not:ac shy:ad reg:ae macr:af deg:b0 plusmn:b1 sup2:b2 sup3:b3 acute:b4 micro:b5 para:b6 ' +
    'middot:b7 cedil:b8 sup1:b9 ordm:ba raquo:bb frac14:bc frac12:bd frac34:be iquest:bf Agrave:c0 Aacute:c1 Acirc:c2 ' +
    'Atilde:c3 Auml:c4 Aring:c5 AElig:c6 Ccedil:c7 Egrave:c8 Eacute:c9 Ecirc:ca Euml:cb Igrave:cc Iacute:cd Icirc:ce ' +
    'Iuml:cf ETH:d0 Ntilde:d1 Ograve:d2 Oacute:d3 Ocirc:d4 Otilde:d5 Ouml:d6 times:d7 Oslash:d8 Ugrave:d9 Uacute:da ' +
    'Ucirc:db Uuml:dc Yacute:dd THORN:de szlig:df agrave:e0 aacute:e1 acirc:e2 atilde:e3 auml:e4 aring:e5 aelig:e6 ' +
    'ccedil:e7 egrave:e8 eacute:e9 ecirc:ea euml:eb igrave:ec iacute:ed icirc:ee iuml:ef eth:f0 ntilde:f1 ograve:f2 ' +
    'oacute:f3 ocirc:f4 otilde:f5 ouml:f6 divide:f7 oslash:f8 ugrave:f9 uacute:fa ucirc:fb uuml:fc yacute:fd thorn:fe ' +
    'yuml:ff OElig:152 oelig:153 Scaron:160 scaron:161 Yuml:178 fnof:192 circ:2c6 tilde:2dc Alpha:391 Beta:392 ' +
    'Gamma:393 Delta:394 Epsilon:395 Zeta:396 Eta:397 Theta:398 Iota:399 Kappa:39a Lambda:39b Mu:39c Nu:39d Xi:39e ' +
    'Omicron:39f Pi:3a0 Rho:3a1 Sigma:3a3 Tau:3a4 Upsilon:3a5 Phi:3a6 Chi:3a7 Psi:3a8 Omega:3a9 alpha:3b1 beta:3b2 ' +
    'gamma:3b3 delta:3b4 epsilon:3b5 zeta:3b6 eta:3b7 theta:3b8 iota:3b9 kappa:3ba lambda:3bb mu:3bc nu:3bd xi:3be ' +
    'omicron:3bf pi:3c0 rho:3c1 sigmaf:3c2 sigma:3c3 tau:3c4 upsilon:3c5 phi:3c6 chi:3c7 psi:3c8 omega:3c9 ' +
    'thetasym:3d1 upsih:3d2 piv:3d6 ensp:2002 emsp:2003 thinsp:2009 zwnj:200c zwj:200d lrm:200e rlm:200f ndash:2013 ' +
    'mdash:2014 lsquo:2018 rsquo:2019 sbquo:201a ldquo:201c rdquo:201d bdquo:201e dagger:2020 Dagger:2021 bull:2022 ' +
    'hellip:2026 permil:2030 prime:2032 Prime:2033 lsaquo:2039 rsaquo:203a oline:203e frasl:2044 euro:20ac image:2111 ' +
    'weierp:2118 real:211c trade:2122 alefsym:2135 larr:2190 uarr:2191 rarr:2192 darr:2193 harr:2194 crarr:21b5 ' +
    'lArr:21d0 uArr:21d1 rArr:21d2 dArr:21d3 hArr:21d4 forall:2200 part:2202 exist:2203 empty:2205 nabla:2207 ' +
    'isin:2208 notin:2209 ni:220b prod:220f sum:2211 minus:2212 lowast:2217 radic:221a prop:221d infin:221e ang:2220 ' +
    'and:2227 or:2228 cap:2229 cup:222a int:222b there4:2234 sim:223c cong:2245 asymp:2248 ne:2260 equiv:2261 le:2264 ' +
    'ge:2265 sub:2282 sup:2283 nsub:2284 sube:2286 supe:2287 oplus:2295 otimes:2297 perp:22a5 sdot:22c5 lceil:2308 ' +
    'rceil:2309 lfloor:230a rfloor:230b lang:27e8 rang:27e9 loz:25ca spades:2660 clubs:2663 hearts:2665 diams:2666 ' +
    'Tab:9 NewLine:a colon:3a lpar:28 rpar:29 sol:2f bsol:5c commat:40 num:23 semi:3b period:2e'
  )
    .split(' ')
    .map((pair) => {
      const [name, hex] = pair.split(':') as [string, string];
      return [name, String.fromCodePoint(Number.parseInt(hex, 16))];
    }),
);

const CHARACTER_REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/** What a browser would show for marked's token text: character references decoded once (invalid code points → U+FFFD). */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(CHARACTER_REFERENCE, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES.get(name) ?? whole;
    const codePoint = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16);
    const invalid = codePoint === 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff);
    return invalid ? '\uFFFD' : String.fromCodePoint(codePoint);
  });
}

/** C0 controls (but tab and newline) and DEL: NUL and friends have no business in a notice, and some renderers choke. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

function cleanText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

/** Anything a URL could hide behind: controls, whitespace of any kind, invisible format characters (bidi, zero-width). */
const SUSPICIOUS_IN_URL = /[\p{Cc}\p{Cf}\p{Z}\s\uFFFD]/u;

/**
 * The normalised href if `raw` (entities already decoded) is an absolute `https:` or `mailto:` URL, else undefined.
 * `new URL` without a base refuses relative and protocol-relative paths; controls and whitespace are refused outright
 * rather than left to the URL parser, which quietly strips tabs and newlines (`java\tscript:` would become `javascript:`
 * there — refused anyway, but no trick is worth reasoning about). Credentials in an https URL
 * (`https://bank.example@evil.example`) are refused too: they only ever serve to disguise the host.
 */
function safeHref(raw: string): string | undefined {
  if (raw === '' || SUSPICIOUS_IN_URL.test(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  const protocol = url.protocol.toLowerCase();
  if (protocol === 'mailto:') return url.href;
  if (protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '') return url.href;
  return undefined;
}

const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|(?:[*+-]|\d{1,9}[.)])(?=[ \t]|$)))+[ \t]*/;
const PREFIX_UNIT = /[ \t]+|>|[*+-]|\d{1,9}[.)]/y;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})$/;

/**
 * Keeps at most `prefixColumns` columns of a line's container prefix (`>`, list markers, indentation) as structure and
 * escapes the markers after that (`\>`, `\-`, `1\.` look the same once rendered): nesting can only come from such
 * prefixes, and marked recurses once per level, so 10,000 `>` or `- ` overflow its stack. A thematic break
 * (`- - - - …`) opens nothing and is left alone.
 */
function limitContainerPrefix(line: string): string {
  const prefix = CONTAINER_PREFIX.exec(line)?.[0];
  if (prefix === undefined || prefix.length <= MARKDOWN_LIMITS.prefixColumns / 4 || THEMATIC_BREAK.test(line)) return line;
  let kept = '';
  let escaped = '';
  let columns = 0;
  PREFIX_UNIT.lastIndex = 0;
  for (let unit = PREFIX_UNIT.exec(prefix); unit !== null; unit = PREFIX_UNIT.exec(prefix)) {
    const text = unit[0];
    const width = text.startsWith(' ') || text.startsWith('\t') ? text.replace(/\t/g, '    ').length : text.length;
    if (escaped === '' && columns + width <= MARKDOWN_LIMITS.prefixColumns) {
      kept += text;
      columns += width;
    } else if (text.trim() === '') {
      escaped += ' ';
    } else {
      escaped += text.length === 1 ? `\\${text}` : `${text.slice(0, -1)}\\${text.slice(-1)}`;
    }
  }
  return kept + escaped + line.slice(prefix.length);
}

/** Line endings normalised, controls stripped, length cut (never inside a surrogate pair), container prefixes bounded. */
function prepareSource(source: string): string {
  let text = source.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '');
  if (text.length > MARKDOWN_LIMITS.sourceChars) {
    const end = /[\uD800-\uDBFF]/.test(text.charAt(MARKDOWN_LIMITS.sourceChars - 1))
      ? MARKDOWN_LIMITS.sourceChars - 1
      : MARKDOWN_LIMITS.sourceChars;
    text = text.slice(0, end);
  }
  return text.split('\n').map(limitContainerPrefix).join('\n');
}

/**
 * marked's `lex`, run by hand so that each inline run (a paragraph's, a heading's, a cell's text) can be checked first:
 * its emphasis matching is quadratic in the `*`, `_` and `~` of a run and recursive (a run of 10,000 `*` overflows the
 * stack, 20,000 characters of `*a **b ` take seconds). A run with more than `delimitersPerRun` of them is kept as
 * literal text. The lexer is fresh, with marked's own defaults and GFM: whatever `marked.use()` may have set globally
 * (renderers, extensions) does not apply here. Undefined if marked throws anyway.
 */
function lex(source: string): Token[] | undefined {
  try {
    const lexer = new Lexer({ ...getDefaults(), gfm: true, breaks: false, pedantic: false, silent: false });
    const tokens = lexer.blockTokens(source, lexer.tokens);
    for (const run of lexer.inlineQueue) {
      lexer.state.inRawBlock = false;
      if (countDelimiters(run.src) > MARKDOWN_LIMITS.delimitersPerRun) {
        run.tokens.push({ type: 'text', raw: run.src, text: run.src, escaped: true });
      } else {
        lexer.inlineTokens(run.src, run.tokens);
      }
    }
    lexer.inlineQueue = [];
    return tokens;
  } catch {
    return undefined;
  }
}

function countDelimiters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 42 || code === 95 || code === 126) count++;
  }
  return count;
}

function childTokens(token: Token): Token[] {
  const children = (token as Tokens.Generic).tokens;
  return Array.isArray(children) ? children : [];
}

/** Text of a token that is already literal (code, raw HTML, escapes, autolinks, text inside raw HTML). */
function isLiteralText(token: Token): boolean {
  return (token.type === 'text' && (token as Tokens.Text).escaped === true) || token.type === 'escape';
}

/**
 * The plain text of tokens, for content that is flattened (too deep, over budget, a rejected link's label, an image's
 * alt text). Iterative, with an explicit stack: the tokens to flatten may be nested arbitrarily deep.
 */
function flattenTokens(tokens: readonly Token[]): string {
  const stack: (Token | string)[] = [];
  /** Queues items to be read next, in order (the stack is read from its end). */
  const next = (...items: readonly (Token | string | readonly Token[])[]): void => {
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i]!;
      if (typeof item === 'string' || !Array.isArray(item)) stack.push(item as Token | string);
      else for (let j = item.length - 1; j >= 0; j--) stack.push(item[j]!);
    }
  };
  next(tokens);
  let out = '';
  while (stack.length > 0) {
    const token = stack.pop()!;
    if (typeof token === 'string') {
      out += token;
      continue;
    }
    switch (token.type) {
      case 'text':
        if (Array.isArray(token.tokens)) next(token.tokens);
        else out += isLiteralText(token) ? token.text : decodeEntities(token.text);
        break;
      case 'escape':
      case 'codespan':
      case 'html':
        out += token.text;
        break;
      case 'code':
        out += `${token.text}\n\n`;
        break;
      case 'br':
        out += '\n';
        break;
      case 'checkbox':
        out += token.checked ? '[x] ' : '[ ] ';
        break;
      case 'link':
        if (token.autolink) out += token.text;
        else next(childTokens(token));
        break;
      case 'list': {
        const items = (token as Tokens.List).items;
        for (let i = items.length - 1; i >= 0; i--) stack.push('\n', items[i]!);
        break;
      }
      case 'table': {
        const table = token as Tokens.Table;
        const rows = [table.header, ...table.rows];
        for (let r = rows.length - 1; r >= 0; r--) {
          stack.push('\n');
          const cells = rows[r]!;
          for (let c = cells.length - 1; c >= 0; c--) {
            next(cells[c]!.tokens);
            if (c > 0) stack.push(' · ');
          }
        }
        break;
      }
      case 'paragraph':
      case 'heading':
      case 'blockquote':
        next(childTokens(token), '\n\n');
        break;
      case 'space':
      case 'def':
      case 'hr':
        break;
      default: {
        const generic = token as Tokens.Generic;
        if (Array.isArray(generic.tokens)) next(generic.tokens);
        else if (typeof generic.text === 'string') out += generic.text;
      }
    }
  }
  return cleanText(out).replace(/\n{3,}/g, '\n\n').trim();
}

interface Budget {
  blocks: number;
  inlines: number;
  /** Text of whatever did not fit, in source order; becomes the last top-level paragraph. */
  overflow: string[];
}

/** Adds text to an inline list, merging it into a preceding text node. */
function pushText(out: RichInline[], text: string): void {
  const clean = cleanText(text);
  if (clean === '') return;
  const last = out.at(-1);
  if (last?.type === 'text') last.text += clean;
  else out.push({ type: 'text', text: clean });
}

function pushInlines(out: RichInline[], inlines: readonly RichInline[]): void {
  for (const inline of inlines) {
    if (inline.type === 'text') pushText(out, inline.text);
    else out.push(inline);
  }
}

/** A link's href when the destination is allowed. A `www.` autolink (GFM gives it `http://`) is read as https. */
function linkHref(token: Tokens.Link): string | undefined {
  if (token.autolink) {
    const schemeless = /^www\./i.test(token.text) && token.href === `http://${token.text}`;
    return safeHref(schemeless ? `https://${token.text}` : token.href);
  }
  return safeHref(decodeEntities(token.href));
}

function convertInlines(tokens: readonly Token[], depth: number, budget: Budget, inLink: boolean): RichInline[] {
  const out: RichInline[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
        if (Array.isArray(token.tokens)) pushInlines(out, convertInlines(token.tokens, depth, budget, inLink));
        else pushText(out, isLiteralText(token) ? token.text : decodeEntities(token.text));
        continue;
      case 'escape':
      case 'html':
        pushText(out, token.text);
        continue;
      case 'checkbox':
        pushText(out, token.checked ? '[x] ' : '[ ] ');
        continue;
      case 'br':
        if (budget.inlines >= MARKDOWN_LIMITS.inlines) pushText(out, '\n');
        else {
          budget.inlines++;
          out.push({ type: 'break' });
        }
        continue;
      case 'codespan':
        if (budget.inlines >= MARKDOWN_LIMITS.inlines) pushText(out, token.text);
        else {
          budget.inlines++;
          out.push({ type: 'code', text: cleanText(token.text) });
        }
        continue;
      case 'strong':
      case 'em':
      case 'del':
        if (depth >= MARKDOWN_LIMITS.depth || budget.inlines >= MARKDOWN_LIMITS.inlines) {
          pushText(out, flattenTokens([token]));
        } else {
          budget.inlines++;
          const children = convertInlines(childTokens(token), depth + 1, budget, inLink);
          if (children.length > 0) out.push({ type: token.type, children });
        }
        continue;
      case 'link': {
        const link = token as Tokens.Link;
        const href = linkHref(link);
        if (href === undefined || inLink || depth >= MARKDOWN_LIMITS.depth || budget.inlines >= MARKDOWN_LIMITS.inlines) {
          pushText(out, flattenTokens([link]));
          continue;
        }
        budget.inlines++;
        const children: RichInline[] = [];
        if (link.autolink) pushText(children, link.text);
        else pushInlines(children, convertInlines(link.tokens, depth + 1, budget, true));
        if (children.length === 0) pushText(children, href);
        out.push({ type: 'link', href, children });
        continue;
      }
      case 'image': {
        const image = token as Tokens.Image;
        const alt = flattenTokens(image.tokens ?? []);
        const href = safeHref(decodeEntities(image.href));
        if (href === undefined || inLink || depth >= MARKDOWN_LIMITS.depth || budget.inlines >= MARKDOWN_LIMITS.inlines) {
          pushText(out, alt);
          continue;
        }
        budget.inlines++;
        out.push({ type: 'link', href, children: [{ type: 'text', text: alt === '' ? href : alt }] });
        continue;
      }
      default:
        pushText(out, flattenTokens([token]));
    }
  }
  return out;
}

/** Blocks still available, keeping one back for the paragraph that collects the overflow. */
function roomFor(budget: Budget): number {
  return MARKDOWN_LIMITS.blocks - 1 - budget.blocks;
}

function overflow(budget: Budget, tokens: readonly Token[]): void {
  const text = flattenTokens(tokens);
  if (text !== '') budget.overflow.push(text);
}

function paragraph(children: RichInline[], prefix: string): RichBlock {
  const withPrefix: RichInline[] = [];
  pushText(withPrefix, prefix);
  pushInlines(withPrefix, children);
  return { type: 'paragraph', children: withPrefix };
}

/**
 * Converts block tokens at `depth` (1 = top level). Past the block budget the remaining tokens go to `budget.overflow`;
 * a quote or list at the deepest level becomes a paragraph of its text.
 */
function convertBlocks(tokens: readonly Token[], depth: number, budget: Budget): RichBlock[] {
  const out: RichBlock[] = [];
  /** A task-list box of a tight item: marked puts it before the item's text, and it is shown as text. */
  let checkbox = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'space' || token.type === 'def') continue;
    if (token.type === 'checkbox') {
      checkbox = token.checked ? '[x] ' : '[ ] ';
      continue;
    }
    const container = token.type === 'blockquote' || token.type === 'list';
    const needed = container && depth < MARKDOWN_LIMITS.depth ? 2 : 1;
    if (roomFor(budget) < needed) {
      overflow(budget, tokens.slice(checkbox === '' ? i : i - 1));
      return out;
    }
    const prefix = checkbox;
    checkbox = '';
    switch (token.type) {
      case 'paragraph':
      case 'text': {
        const children = Array.isArray(token.tokens)
          ? convertInlines(token.tokens, 1, budget, false)
          : convertInlines([token], 1, budget, false);
        if (children.length === 0 && prefix === '') continue;
        out.push(paragraph(children, prefix));
        break;
      }
      case 'heading': {
        const children = convertInlines(childTokens(token), 1, budget, false);
        if (prefix !== '') out.push(paragraph(children, prefix));
        else out.push({ type: 'heading', level: Math.min(6, (token as Tokens.Heading).depth + 2) as 3 | 4 | 5 | 6, children });
        break;
      }
      case 'code':
        out.push({ type: 'code', text: cleanText(token.text) });
        break;
      case 'hr':
        out.push({ type: 'rule' });
        break;
      case 'html': {
        const text = cleanText(token.text).replace(/\s+$/, '');
        if (text === '') continue;
        out.push({ type: 'paragraph', children: [{ type: 'text', text }] });
        break;
      }
      case 'table': {
        const table = token as Tokens.Table;
        const rows = [table.header, ...table.rows];
        for (let r = 0; r < rows.length; r++) {
          if (roomFor(budget) < 1) {
            for (const rest of rows.slice(r)) overflow(budget, rest.flatMap((cell) => cell.tokens));
            break;
          }
          const children: RichInline[] = [];
          rows[r]!.forEach((cell, c) => {
            if (c > 0) pushText(children, ' · ');
            pushInlines(children, convertInlines(cell.tokens, 1, budget, false));
          });
          if (children.length === 0) continue;
          budget.blocks++;
          out.push({ type: 'paragraph', children });
        }
        break;
      }
      case 'blockquote':
      case 'list': {
        if (depth >= MARKDOWN_LIMITS.depth) {
          const text = flattenTokens([token]);
          if (text === '') continue;
          out.push({ type: 'paragraph', children: [{ type: 'text', text }] });
          break;
        }
        if (token.type === 'blockquote') {
          budget.blocks++;
          out.push({ type: 'quote', children: convertBlocks(childTokens(token), depth + 1, budget) });
          continue;
        }
        const list = token as Tokens.List;
        budget.blocks++;
        const items: RichBlock[][] = [];
        for (let n = 0; n < list.items.length; n++) {
          if (roomFor(budget) < 1) {
            overflow(budget, list.items.slice(n));
            break;
          }
          items.push(convertBlocks(list.items[n]!.tokens, depth + 1, budget));
        }
        out.push(
          list.ordered
            ? { type: 'list', ordered: true, start: typeof list.start === 'number' ? list.start : 1, items }
            : { type: 'list', ordered: false, items },
        );
        continue;
      }
      default: {
        const text = flattenTokens([token]);
        if (text === '') continue;
        out.push({ type: 'paragraph', children: [{ type: 'text', text }] });
      }
    }
    budget.blocks += token.type === 'table' ? 0 : 1;
  }
  if (checkbox !== '') {
    if (roomFor(budget) < 1) budget.overflow.push(checkbox.trim());
    else {
      budget.blocks++;
      out.push(paragraph([], checkbox));
    }
  }
  return out;
}

/** If marked ever throws, the source is still shown: paragraphs of its literal text, within the same block budget. */
function plainParagraphs(source: string): RichText {
  const parts = source
    .split(/\n[ \t]*\n/)
    .map((part) => cleanText(part).trim())
    .filter((part) => part !== '');
  const shown = parts.slice(0, MARKDOWN_LIMITS.blocks - 1);
  const rest = parts.slice(MARKDOWN_LIMITS.blocks - 1).join('\n\n');
  if (rest !== '') shown.push(rest);
  return shown.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] }));
}

/** The RichText tree of a business's Markdown (GFM). Empty or blank input gives `[]`. */
export function markdownToRichText(source: string): RichText {
  const prepared = prepareSource(source);
  if (prepared.trim() === '') return [];
  const tokens = lex(prepared);
  if (tokens === undefined) return plainParagraphs(prepared);
  const budget: Budget = { blocks: 0, inlines: 0, overflow: [] };
  const tree = convertBlocks(tokens, 1, budget);
  if (budget.overflow.length > 0) tree.push({ type: 'paragraph', children: [{ type: 'text', text: budget.overflow.join('\n\n') }] });
  return tree;
}

function inlinesToPlain(inlines: readonly RichInline[]): string {
  return inlines
    .map((inline): string => {
      switch (inline.type) {
        case 'text':
        case 'code':
          return inline.text;
        case 'break':
          return '\n';
        case 'link': {
          const text = inlinesToPlain(inline.children);
          const bare = inline.href.replace(/^mailto:/, '');
          return text === inline.href || text === bare || `${text}/` === inline.href ? text : `${text} (${inline.href})`;
        }
        default:
          return inlinesToPlain(inline.children);
      }
    })
    .join('');
}

function indentAfterFirstLine(text: string, indent: string): string {
  return text.replace(/\n(?=.)/g, `\n${indent}`);
}

function blockToPlain(block: RichBlock): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlinesToPlain(block.children);
    case 'code':
      return block.text;
    case 'rule':
      return '---';
    case 'quote':
      return blocksToPlain(block.children)
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    case 'list':
      return block.items
        .map((item, i) => {
          const marker = block.ordered ? `${(block.start ?? 1) + i}. ` : '- ';
          const text = item.map(blockToPlain).filter((part) => part !== '').join('\n');
          return marker + indentAfterFirstLine(text, ' '.repeat(marker.length));
        })
        .join('\n');
  }
}

function blocksToPlain(blocks: readonly RichBlock[]): string {
  return blocks
    .map(blockToPlain)
    .filter((part) => part !== '')
    .join('\n\n');
}

/**
 * Plain text of a tree, for e-mails and summaries: blocks separated by blank lines, list items prefixed "- " or "1. "
 * (continuation lines indented under the item), quotes prefixed "> ", links as "text (href)" — just the text when it
 * already is the address, as with autolinks.
 */
export function richTextToPlain(tree: RichText): string {
  return blocksToPlain(tree);
}

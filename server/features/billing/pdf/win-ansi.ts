/**
 * Text for the PDF standard fonts. Helvetica and Courier are not embedded: every PDF reader has them, with the
 * WinAnsi encoding (Windows-1252), which covers Latin-1 — all of pt-BR, es and en, "ç ã é º ª" included — plus a
 * few extras such as "€", curly quotes and dashes. pdfkit writes each character of a standard font as
 * `charCode.toString(16)` without checking it: a character outside WinAnsi becomes three or four hex digits that
 * shift every glyph after it (garbage), and a control character one digit. So every string is passed through
 * {@link toWinAnsi} before it reaches pdfkit.
 */

/** The characters WinAnsi has at 0x80–0x9F, where Latin-1 has control codes; pdfkit maps them to those bytes. */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Look-alikes for characters outside WinAnsi that `Intl` and pasted text commonly produce. */
const LOOK_ALIKES: Record<string, string> = {
  // A soft hyphen is Latin-1, but pdfkit would print it as a hyphen wherever the line does not break there.
  '\u00ad': '',
  // Intl puts a narrow no-break space before "AM", in some number formats and between date parts.
  '\u202f': '\u00a0',
  '\u2007': '\u00a0',
  '\u2009': ' ',
  '\u2212': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2015': '—',
  '\u2032': "'",
  '\u2033': '"',
  '\u2044': '/',
  '\u2192': '->',
};

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
}

/**
 * `text` in characters the standard fonts can draw: control characters (line breaks too: values are single
 * lines) become spaces; invisible format characters (soft hyphens too) and stray combining marks are dropped; letters with marks
 * WinAnsi lacks lose the mark ("ő" → "o", "ș" → "s"); ligatures and compatibility forms are spelled out ("ﬁ" →
 * "fi"); what is left (emoji, other scripts) becomes "?", so a reader sees that something was there.
 */
export function toWinAnsi(text: string): string {
  let result = '';
  for (const char of text.normalize('NFC')) {
    if (Object.hasOwn(LOOK_ALIKES, char)) result += LOOK_ALIKES[char];
    else if (isWinAnsi(char)) result += char;
    else if (/\p{Cc}|\p{Zl}|\p{Zp}/u.test(char)) result += ' ';
    else if (/\p{Zs}/u.test(char)) result += ' ';
    else if (/\p{Cf}|\p{M}/u.test(char)) continue;
    else {
      const spelled = char.normalize('NFKD').replace(/\p{M}/gu, '');
      result += spelled && [...spelled].every(isWinAnsi) ? spelled : '?';
    }
  }
  return result;
}

/** How a copy ended: on the clipboard, or selected for the client to copy themselves. */
export type CopyOutcome = 'copied' | 'selected';

/**
 * Puts `text` on the clipboard; where the Clipboard API is missing or refused (an insecure page, a frame without
 * permission), selects the element `source()` gives (after showing it, for a secret) and tries the older copy
 * command, and failing that leaves it selected for the client to copy.
 */
export async function copyText(text: string, source: () => HTMLElement | Promise<HTMLElement>): Promise<CopyOutcome> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    const element = await source();
    const selection = getSelection();
    const range = document.createRange();
    range.selectNodeContents(element);
    selection?.removeAllRanges();
    selection?.addRange(range);
    try {
      return document.execCommand('copy') ? 'copied' : 'selected';
    } catch {
      return 'selected';
    }
  }
}

/**
 * The "copied" confirmation a widget shows next to what was copied, in a live region: it stays long enough to be
 * read, then goes, and copying the same thing again empties it first so a screen reader announces it again.
 */
export class CopyConfirmation<Key> {
  current?: { key: Key; outcome: CopyOutcome };
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: { requestUpdate(): void; readonly updateComplete: Promise<unknown> }) {}

  async show(key: Key, outcome: CopyOutcome): Promise<void> {
    if (this.current?.key === key) {
      this.current = undefined;
      this.host.requestUpdate();
      await this.host.updateComplete;
    }
    this.current = { key, outcome };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.current = undefined;
      this.host.requestUpdate();
    }, 6000);
    this.host.requestUpdate();
  }

  /** Forgets what was copied (another person, another list). */
  clear(): void {
    clearTimeout(this.timer);
    this.current = undefined;
  }

  /** The outcome of the last copy of `key`, while it is shown. */
  of(key: Key): CopyOutcome | undefined {
    return this.current?.key === key ? this.current.outcome : undefined;
  }
}

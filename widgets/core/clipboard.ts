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

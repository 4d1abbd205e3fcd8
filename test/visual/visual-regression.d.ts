/**
 * The browser side of @web/test-runner-visual-regression: its `index.d.ts` re-exports `./browser/commands.mjs`, whose
 * types TypeScript cannot find (they are in `commands.d.ts`, not `commands.d.mts`), so the one function is declared here.
 */
declare module '@web/test-runner-visual-regression' {
  /** Screenshots `element` and compares it with the baseline called `name` (see web-test-runner.config.mjs). */
  export function visualDiff(element: Node, name: string): Promise<void>;
}

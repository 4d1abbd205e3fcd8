/** The widgets' Custom Elements Manifest, as .storybook/custom-elements-manifest.ts serves it to the preview and the stories. */
declare module 'virtual:custom-elements-manifest' {
  /** One element's entry: what the docs pages read from it. */
  export interface ElementDeclaration {
    kind: string;
    name: string;
    tagName?: string;
    summary?: string;
    description?: string;
  }
  const manifest: { schemaVersion: string; modules: { path: string; declarations?: ElementDeclaration[] }[] };
  export default manifest;
}

import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Plugin } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const MODULE_ID = 'virtual:custom-elements-manifest';
const RESOLVED_ID = `\0${MODULE_ID}`;

/** Runs the analyzer exactly as `npm run analyze` does, and returns the manifest it wrote. */
async function analyze(): Promise<string> {
  const cli = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
  await promisify(execFile)(process.execPath, [cli, 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], { cwd: root });
  return readFile(join(root, 'dist/custom-elements.json'), 'utf8');
}

/**
 * `import manifest from 'virtual:custom-elements-manifest'`: the widgets' Custom Elements Manifest, generated afresh
 * when Storybook starts or builds, so the docs pages never show a stale API (and no step has to run first).
 */
export function customElementsManifest(): Plugin {
  let manifest: Promise<string> | undefined;
  return {
    name: 'portico-custom-elements-manifest',
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      manifest ??= analyze();
      return `export default ${await manifest};`;
    },
  };
}

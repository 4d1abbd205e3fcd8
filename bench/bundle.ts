import { brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Chunk {
  fileName: string;
  code: string;
  imports: string[];
  dynamicImports: string[];
  isEntry: boolean;
  facadeModuleId: string | null;
}

/** Brotli (quality 11) size in bytes, as a CDN or Portico's own compression would send it. */
export function brotli(text: string): number {
  return brotliCompressSync(Buffer.from(text), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

/** Builds with the project's own vite.config.ts (optionally other inputs), in memory. */
export async function builtChunks(input?: Record<string, string>): Promise<Map<string, Chunk>> {
  const { build: viteBuild } = await import('vite');
  const result = await viteBuild({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'silent',
    build: { write: false, sourcemap: false, ...(input ? { rolldownOptions: { input } } : {}) },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as { output: (Chunk & { type: string })[] }[];
  const chunks = new Map<string, Chunk>();
  for (const output of outputs) for (const item of output.output) if (item.type === 'chunk') chunks.set(item.fileName, item);
  return chunks;
}

/** A chunk and everything it imports statically (what must load before it runs). */
function closure(chunks: Map<string, Chunk>, start: string, into = new Set<string>()): Set<string> {
  if (into.has(start)) return into;
  into.add(start);
  for (const next of chunks.get(start)?.imports ?? []) closure(chunks, next, into);
  return into;
}

const size = (chunks: Map<string, Chunk>, files: Iterable<string>) => [...files].reduce((sum, file) => sum + brotli(chunks.get(file)!.code), 0);
const byModule = (chunks: Map<string, Chunk>, path: string) => [...chunks.values()].find((chunk) => chunk.facadeModuleId?.endsWith(path))?.fileName;

export interface BundleFigures {
  loader: number;
  helloLit: number;
  largestWidget: { name: string; bytes: number };
  allWidgets: number;
  perWidget: Record<string, number>;
}

/**
 * The exact bundle figures (brotli bytes): the loader alone; loader + runtime + Lit + each widget (with what each
 * imports); every client widget at once (`<portal-app>` and all it can load); and a bare Lit element built the same way.
 */
export async function bundleFigures(): Promise<BundleFigures> {
  const chunks = await builtChunks();
  const loader = 'embed.js';
  const runtime = byModule(chunks, 'widgets/core/runtime.ts');
  if (!runtime) throw new Error('no runtime chunk in the build');
  const base = closure(chunks, loader, closure(chunks, runtime));
  const perWidget: Record<string, number> = {};
  const widgetChunks = [...chunks.values()].filter((chunk) => /widgets\/[\w-]+\/portal-[\w-]+\.ts$/.test(chunk.facadeModuleId ?? ''));
  for (const chunk of widgetChunks) {
    const name = /(portal-[\w-]+)\.ts$/.exec(chunk.facadeModuleId!)![1]!;
    perWidget[name] = size(chunks, closure(chunks, chunk.fileName, new Set(base)));
  }
  const [largestName, largestBytes] = Object.entries(perWidget).filter(([name]) => name !== 'portal-app').sort((a, b) => b[1] - a[1])[0]!;
  // portal-app and everything it can load (its sections, dynamically).
  const app = byModule(chunks, 'widgets/app/portal-app.ts')!;
  const all = new Set(base);
  const visit = (file: string) => {
    if (all.has(file) && file !== app) return;
    closure(chunks, file, all);
    for (const lazy of chunks.get(file)?.dynamicImports ?? []) if (!chunks.get(lazy)?.facadeModuleId?.includes('/admin/')) visit(lazy);
  };
  visit(app);
  for (const chunk of widgetChunks) closure(chunks, chunk.fileName, all);
  const hello = await builtChunks({ hello: 'bench/fixtures/hello-lit.ts' });
  return {
    loader: brotli(chunks.get(loader)!.code),
    helloLit: size(hello, closure(hello, 'hello.js')),
    largestWidget: { name: largestName, bytes: largestBytes },
    allWidgets: size(chunks, [...all].filter((file) => !chunks.get(file)?.facadeModuleId?.includes('/admin/'))),
    perWidget,
  };
}

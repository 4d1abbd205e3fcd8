/**
 * Every message catalogue of the widgets (portal and console) says the same things in en, pt-BR and es: the same
 * keys, no empty string, the same `{placeholders}` in each translation of a key.
 *
 * The catalogues are found, not listed: every module under `widgets/` that writes a locale object is imported (Lit's
 * node build carries the little DOM it needs), and every export shaped like a `Catalog` is checked. A module that
 * writes a catalogue's strings but exports none fails, so a new widget cannot slip past by keeping its catalogue private.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LOCALES } from '../../widgets/core/i18n.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const widgetsDir = join(root, 'widgets');

/** Any object keyed by a locale: a catalogue, a merged catalogue, or fixture labels (which are strings, not objects). */
const LOCALE_KEY = /['"]pt-BR['"]\s*:/;
/**
 * A catalogue written in this module: `'pt-BR': { 'some.key': '…'` (strings written out, not only spread from others)
 * or `'pt-BR': ptBR,` (a locale record from a `messages.pt-BR.ts`).
 */
const WRITES_CATALOG = /['"]pt-BR['"]\s*:\s*(?:\{\s*(?:\/\/[^\n]*\n\s*)*(?:['"][^'"\n]+['"]|[\w$]+)\s*:\s*['"`]|[A-Za-z_$][\w$]*\s*[,}])/;
const PLACEHOLDER = /\{(\w+)\}/g;

type LocaleRecord = Record<string, unknown>;
type FoundCatalog = { label: string; catalog: Record<string, LocaleRecord> };

async function tsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return tsFiles(path);
      return Promise.resolve(entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : []);
    }),
  );
  return nested.flat().sort();
}

const isRecord = (value: unknown): value is LocaleRecord => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Shaped like `Catalog<K>`: one object of messages per portal locale. */
function isCatalog(value: unknown): value is Record<string, LocaleRecord> {
  return isRecord(value) && LOCALES.every((locale) => isRecord(value[locale]));
}

const placeholdersOf = (message: string) => [...new Set([...message.matchAll(PLACEHOLDER)].map((match) => match[1]))].sort();

const listed = (names: string[]) => (names.length ? names.map((name) => `{${name}}`).join(', ') : '(none)');

/** What is wrong with one catalogue, one line per problem, naming the locale and the key. */
function catalogProblems(catalog: Record<string, LocaleRecord>): string[] {
  const problems: string[] = [];
  const allKeys = [...new Set(LOCALES.flatMap((locale) => Object.keys(catalog[locale]!)))].sort();
  for (const key of allKeys) {
    const present = LOCALES.filter((locale) => key in catalog[locale]!);
    for (const locale of LOCALES) {
      if (!present.includes(locale)) problems.push(`${locale} lacks '${key}' (present in ${present.join(', ')})`);
    }
    for (const locale of present) {
      const message = catalog[locale]![key];
      if (typeof message !== 'string') problems.push(`${locale} '${key}' is not a string`);
      else if (!message.trim()) problems.push(`${locale} '${key}' is empty`);
    }
    // English defines the keys (see `Catalog`); it is the reference when it has the message.
    const reference = ['en' as const, ...LOCALES].find((locale) => typeof catalog[locale]?.[key] === 'string');
    if (!reference) continue;
    const expected = placeholdersOf(catalog[reference]![key] as string);
    for (const locale of present) {
      const message = catalog[locale]![key];
      if (typeof message !== 'string') continue;
      const actual = placeholdersOf(message);
      if (actual.join() !== expected.join()) {
        problems.push(`${locale} '${key}' has placeholders ${listed(actual)} but ${reference} has ${listed(expected)}`);
      }
    }
  }
  return problems;
}

const catalogs: FoundCatalog[] = [];
const privateCatalogModules: string[] = [];
const seen = new Set<unknown>();

for (const file of await tsFiles(widgetsDir)) {
  const source = await readFile(file, 'utf8');
  if (!LOCALE_KEY.test(source)) continue;
  const path = relative(root, file);
  const exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  let exportsCatalog = false;
  for (const [name, value] of Object.entries(exports)) {
    if (!isCatalog(value)) continue;
    exportsCatalog = true;
    if (seen.has(value)) continue;
    seen.add(value);
    catalogs.push({ label: `${path} › ${name}`, catalog: value });
  }
  // Fixtures hold data in each locale (category names …), not catalogues of the widgets' own strings.
  if (WRITES_CATALOG.test(source) && !exportsCatalog && !/fixtures?\.ts$/.test(path)) privateCatalogModules.push(path);
}

test('the widgets’ catalogues are found (portal, console and shared ones)', () => {
  const labels = catalogs.map((found) => found.label);
  // A floor, not a count: it only proves discovery did not quietly come back (nearly) empty.
  assert.ok(catalogs.length >= 40, `only ${catalogs.length} catalogues found:\n${labels.join('\n')}`);
  for (const expected of ['widgets/core/i18n.ts › coreMessages', 'widgets/admin/shell/messages.ts › shellMessages', 'widgets/login/messages.ts']) {
    assert.ok(labels.some((label) => label.startsWith(expected)), `no catalogue found in ${expected}`);
  }
});

test('every module that writes a catalogue exports it (so this check can see it)', () => {
  assert.deepEqual(privateCatalogModules, [], `these modules write a catalogue but export none; add \`export\` to it:\n${privateCatalogModules.join('\n')}`);
});

for (const { label, catalog } of catalogs) {
  test(`${label}: the same keys, non-empty, with the same placeholders in ${LOCALES.join(', ')}`, () => {
    const problems = catalogProblems(catalog);
    assert.deepEqual(problems, [], `${label}:\n  ${problems.join('\n  ')}`);
  });
}

test('the check itself names a missing key, an empty string and a lost placeholder', () => {
  const broken = {
    en: { greet: 'Hello {name}', bye: 'Bye', only: 'x' },
    'pt-BR': { greet: 'Olá', bye: ' ' },
    es: { greet: 'Hola {name}', bye: 'Adiós', only: 'x' },
  };
  assert.deepEqual(catalogProblems(broken), [
    "pt-BR 'bye' is empty",
    "pt-BR 'greet' has placeholders (none) but en has {name}",
    "pt-BR lacks 'only' (present in es, en)",
  ]);
});

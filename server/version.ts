import { readFileSync } from 'node:fs';

/** Portico's version, from package.json (shown in the API reference). */
export const PORTICO_VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

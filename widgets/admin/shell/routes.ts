import type { Scope } from '../../../server/features/staff/schemas.ts';
import type { StaffMe } from '../admin-api.ts';

/** A section of the console as `sections.ts` lists it: its hash, element, the scope it needs, and its chunk. */
export interface ConsoleSection {
  id: string;
  tag: string;
  scope: Scope;
  load: () => Promise<unknown>;
}

/** The section a hash names (`#users`, `#users/<id>` → `users`), or undefined for any other hash. */
export function sectionIdOf(hash: string): string | undefined {
  return /^#([a-z][a-z-]{1,30})(?:\/.*)?$/.exec(hash)?.[1];
}

/** The token of a setup link (`/admin/#setup=<token>`), or undefined. */
export function setupTokenOf(hash: string): string | undefined {
  return /^#setup=([\w.~-]{20,200})$/.exec(hash)?.[1];
}

/** The sections `me` may open, in menu order. */
export function allowedSections<S extends ConsoleSection>(sections: readonly S[], me: StaffMe): S[] {
  return sections.filter((section) => me.scopes.includes(section.scope));
}

/**
 * Which section to show for `hash`: the one it names when allowed; the one already shown for a hash that is not a
 * section's; otherwise the first allowed, with `unavailable` when the hash named a section this member may not open.
 */
export function chooseSection<S extends ConsoleSection>(
  hash: string,
  all: readonly S[],
  allowed: readonly S[],
  current: S | undefined,
): { section: S | undefined; unavailable: boolean } {
  const id = sectionIdOf(hash);
  const asked = allowed.find((section) => section.id === id);
  if (asked) return { section: asked, unavailable: false };
  const known = all.some((section) => section.id === id);
  if (!known && current) return { section: current, unavailable: false };
  return { section: allowed[0], unavailable: known };
}

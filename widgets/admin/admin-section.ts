import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { translator, type Catalog, type Locale, type Translate } from '../core/i18n.ts';
import type { AdminApi, StaffMe } from './admin-api.ts';
import type { Scope } from '../../server/features/staff/schemas.ts';

/**
 * The base of every console section (`<admin-settings>`, `<admin-users>` …): the console hands each the API client,
 * the staff member's language and who is signed in. A section shows only what `me.scopes` allow, and never asks the
 * server for what it may not read.
 */
export abstract class AdminSection<K extends string> extends LitElement {
  @property({ attribute: false }) api?: AdminApi;
  @property({ attribute: false }) me?: StaffMe;
  @property() locale: Locale = 'en';

  /** The section's own strings in pt-BR, es (usted) and en. */
  protected abstract readonly catalog: Catalog<K>;

  protected get t(): Translate<K> {
    return translator(this.catalog, this.locale);
  }

  /** Whether the signed-in staff member holds `scope`. */
  protected can(scope: Scope): boolean {
    return this.me?.scopes.includes(scope) ?? false;
  }
}

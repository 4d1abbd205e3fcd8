import type { Task } from '@lit/task';
import type { Locale, Translate } from '../../core/i18n.ts';
import type { AccountListItem, AccountModules, ExplainedAppointmentSettings, ListPage, Module } from '../admin-api.ts';
import type { ModuleChoice, OptionKey, OverrideDraft } from './exceptions.ts';
import type { AccountsKey } from './messages.ts';

/** How a save went. */
export type SaveStatus = { state: 'saving' } | { state: 'saved' } | { state: 'unchanged' } | { state: 'invalid' } | { state: 'failed'; message: string };

/** An account's modules, and the tenant's (undefined when they could not be read: "as the portal" without on/off). */
export interface LoadedModules extends AccountModules {
  tenantModules?: Module[];
}

/** What the list and detail templates read from `<admin-accounts>` and call on it. */
export interface AccountsView {
  readonly t: Translate<AccountsKey>;
  readonly locale: Locale;
  readonly search: string;
  readonly query: string;
  readonly listTask: Task<readonly unknown[], ListPage<AccountListItem> | undefined>;
  readonly more: AccountListItem[];
  readonly next: string | null | undefined;
  readonly loadingMore: boolean;
  readonly moreError: string;
  readonly selected?: AccountListItem;
  readonly modulesTask: Task<readonly unknown[], LoadedModules | undefined>;
  readonly appointmentsTask: Task<readonly unknown[], ExplainedAppointmentSettings | undefined>;
  readonly choices?: Record<Module, ModuleChoice>;
  readonly override?: OverrideDraft;
  readonly explained?: ExplainedAppointmentSettings;
  canWrite(what: 'modules' | 'appointments'): boolean;
  canReadAppointments(): boolean;
  status(what: 'modules' | 'appointments'): SaveStatus | undefined;
  fieldError(id: string): AccountsKey | undefined;
  message(error: unknown): string;
  typeSearch(text: string): void;
  searchNow(): void;
  loadMore(): void;
  open(account: AccountListItem): void;
  back(): void;
  choose(module: Module, choice: ModuleChoice): void;
  saveModules(): void;
  startOverride(key: OptionKey): void;
  resetOverride(key: OptionKey): void;
  editOverride(change: OverrideDraft): void;
  saveOverride(): void;
}

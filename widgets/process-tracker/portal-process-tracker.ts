import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, type ProcessDetail, type ProcessSummary, type RequestDraft } from '../core/api-client.ts';
import { portalContext, type PortalRuntime } from '../core/context.ts';
import { define } from '../core/define.ts';
import { formatDate } from '../core/format.ts';
import { translator, type Locale, type Translate } from '../core/i18n.ts';
import { baseStyles, panelStyles } from '../core/shared-styles.ts';
import { messages, unreadCount, type Key, type TrackerHost } from './host.ts';
import { renderHistory, renderNewNotices, renderNotices } from './notices.ts';
import { PhasesPart } from './phases.ts';
import { trackerStyles } from './portal-process-tracker.styles.ts';
import { ReferencesPart } from './references.ts';

/** The list as loaded, with whose it is, so another person's list never chooses the process shown. */
type Loaded = { key: string; items: ProcessSummary[] };

/**
 * The client's processes (T1–T5, A8): a choice among them (when there are two or more), then the chosen one's title
 * and kind, what is new since the last visit, where it is among its phases (each with its description), the other
 * notices and follow-ups, its references (secret ones masked, each copyable) with the portal's quick-access number,
 * its phase history, and "Something missing? Request a review", which opens `<portal-requests>` pre-filled through the
 * `portal-request-new` event. A quick-access session (A8) sees its one process, read-only: no choice, no review.
 * Opening a process as a signed-in client marks its notices seen (once).
 * @summary Where the client's processes are, and what is new in them.
 * @event change - the client chose another process; read it from `process`.
 * @event portal-request-new - the client asked for a review of the process; `detail` is the request draft.
 * @csspart base - the panel.
 * @csspart choice - the process choice.
 * @csspart header - the process's title, kind and account.
 * @csspart kind - the process's kind.
 * @csspart new - the highlighted "new since your last visit" box.
 * @csspart notices - the other notices and follow-ups.
 * @csspart notice - one notice or follow-up.
 * @csspart notice-kind - whether it is a notice or a follow-up (a word and a mark).
 * @csspart notice-body - a notice's text.
 * @csspart phases-section - the phases, with the progress line and bar.
 * @csspart progress-label - "Phase 4 of 7: name".
 * @csspart bar - the progress bar (one segment per phase; decoration, the list says it in words).
 * @csspart phases - the list of phases.
 * @csspart phase - one phase (`data-state` done, current or upcoming).
 * @csspart phase-description - a phase's description.
 * @csspart references - the external references and the quick-access number.
 * @csspart reference - one reference.
 * @csspart reference-value - a reference's value (masked while secret).
 * @csspart show - the show button of a secret reference.
 * @csspart copy - a copy button.
 * @csspart copied - the copy confirmation.
 * @csspart history - the phase history.
 * @csspart history-entry - one phase change.
 * @csspart review - the "request a review" button.
 * @csspart empty - an empty list's message.
 * @csspart error - what went wrong.
 * @csspart status - loading and confirmation messages.
 * @cssprop --portal-process-tracker-gap - space between the parts.
 * @cssprop --portal-process-tracker-new-background - the "new since your last visit" box (default: a tint of the primary colour).
 * @cssprop --portal-process-tracker-new-border - its edge (default: the link colour).
 * @cssprop --portal-process-tracker-done-color - done and current phases, in the bar and their marks (default: the link colour, which reads on the surface).
 * @cssprop --portal-process-tracker-bar-height - the progress bar's height.
 */
export class PortalProcessTracker extends LitElement implements TrackerHost {
  static override styles = [baseStyles, panelStyles, trackerStyles];

  /** The id of the process shown: the client's choice is kept here, and the page may set it. Unset: the first. */
  @property({ reflect: true }) process?: string;

  @consume({ context: portalContext, subscribe: true }) @state() private portal?: PortalRuntime;
  @state() private notice = '';

  private readonly phases = new PhasesPart(this);
  private readonly references = new ReferencesPart(this);
  /** Processes marked seen in this session, so `seen` is called once each. */
  private readonly seen = new Set<string>();
  /** Per process, the notices new when it was first opened here: opening marks them seen, reloading must not hide them. */
  private readonly fresh = new Map<string, Set<string>>();
  private lastSessionKey = '';
  private shownProcess?: string;

  private readonly list = new Task(this, {
    task: async ([key, locale], { signal }): Promise<Loaded | undefined> =>
      key && this.full() ? { key, items: (await this.portal!.api.listProcesses(this.token()!, { locale }, signal)).items } : undefined,
    args: () => [this.sessionKey(), this.locale] as const,
  });

  private readonly detail = new Task(this, {
    task: async ([key, id, locale], { signal }) => {
      if (!key || !id) return undefined;
      const process = await this.portal!.api.getProcess(this.token()!, id, { locale }, signal);
      if (!signal.aborted) this.opened(process);
      return process;
    },
    args: () => [this.sessionKey(), this.chosen(), this.locale] as const,
  });

  get locale(): Locale {
    return this.portal?.locale ?? 'pt-BR';
  }
  get t(): Translate<Key> {
    return translator(messages, this.locale) as Translate<Key>;
  }

  date(value: string, withTime = false) {
    const zone = this.portal?.tenant.status === 'ready' ? this.portal.tenant.tenant.timeZone : 'UTC';
    return formatDate(value, zone, this.locale, withTime);
  }

  /** A signed-in client's full session (not a profile-only one). */
  private full(): boolean {
    return this.portal?.session.status === 'signed-in' && this.portal.session.scope === 'full';
  }
  private token(): string | undefined {
    const session = this.portal?.session;
    return session?.status === 'quick-access' || (session?.status === 'signed-in' && session.scope === 'full') ? session.accessToken : undefined;
  }
  /** Who is looking, not their token: a refreshed token reloads nothing. */
  private sessionKey(): string {
    const session = this.portal?.session;
    if (session?.status === 'quick-access') return `process:${session.processId}`;
    return this.full() && session?.status === 'signed-in' ? `user:${session.user.id}` : '';
  }
  /** The process shown: quick access's one; else the chosen one if the client reaches it, or the first. */
  private chosen(): string | undefined {
    const session = this.portal?.session;
    if (session?.status === 'quick-access') return session.processId;
    const loaded = this.list.value;
    if (!loaded || loaded.key !== this.sessionKey() || !loaded.items.length) return undefined;
    return loaded.items.some((p) => p.id === this.process) ? this.process : loaded.items[0]!.id;
  }

  /** Remembers what was new, and tells the server a signed-in client opened it (quick access may not). */
  private opened(process: ProcessDetail) {
    if (!this.fresh.has(process.id)) this.fresh.set(process.id, new Set(process.notices.filter((n) => n.unread).map((n) => n.id)));
    if (!this.full() || this.seen.has(process.id)) return;
    this.seen.add(process.id);
    // Not the client's concern if it fails: the marks stay, and the next opening tries again.
    this.portal!.api.markProcessSeen(this.token()!, process.id).catch(() => this.seen.delete(process.id));
  }

  protected override willUpdate(changed: Map<string, unknown>) {
    // Another person: nothing of the previous one's screen may stay (what was seen, new, revealed or said).
    const key = this.sessionKey();
    if (changed.has('portal') && key !== this.lastSessionKey) {
      if (this.lastSessionKey) {
        this.notice = '';
        this.seen.clear();
        this.fresh.clear();
      }
      this.lastSessionKey = key;
    }
    const shown = this.chosen();
    if (shown !== this.shownProcess) {
      this.phases.reset();
      this.references.reset();
      this.notice = '';
      this.shownProcess = shown;
    }
  }

  override render() {
    const t = this.t;
    const titled = (content: TemplateResult) => html`<h2>${t('title')}</h2>${content}`;
    let body: TemplateResult;
    if (!this.token()) body = titled(html`<p>${t('sign-in-first')}</p>`);
    else if (!this.full()) body = this.renderDetail(true);
    else {
      const complete = (loaded: Loaded | undefined) =>
        !loaded?.items.length ? titled(html`<p part="empty">${t('empty')}</p>`) : html`${this.renderChoice(loaded.items)}${this.renderDetail(loaded.items.length < 2)}`;
      // While the list reloads (another language), the one on screen stays, so focus and place are not lost.
      const previous = () => (this.list.value?.key === this.sessionKey() ? complete(this.list.value) : titled(this.loading()));
      body = this.list.render({
        initial: () => titled(this.loading()),
        pending: previous,
        error: (error) => titled(this.problem(error, () => void this.list.run())),
        complete,
      }) as TemplateResult;
    }
    return html`<div part="base" lang=${this.locale}>
      ${body}
      <p part="status" role="status" aria-live="polite" class=${this.notice ? '' : 'visually-hidden'}>${this.notice}</p>
    </div>`;
  }

  /** A client with two or more processes chooses one; a user of several accounts sees whose each is. */
  private renderChoice(items: ProcessSummary[]): TemplateResult | typeof nothing {
    if (items.length < 2) return nothing;
    const several = this.reachesSeveralAccounts();
    const chosen = this.chosen();
    return html`<label part="choice">${this.t('choose')}
      <select name="process" @change=${this.handleChoose}>
        ${items.map((p) => {
          const unread = this.seen.has(p.id) ? 0 : p.unread;
          const label = `${p.title}${several ? ` — ${p.accountName}` : ''}${unread ? ` (${unreadCount(this, unread)})` : ''}`;
          return html`<option value=${p.id} ?selected=${p.id === chosen}>${label}</option>`;
        })}
      </select>
    </label>`;
  }

  /** The chosen process; `titled` gives its loading and failure a heading (no choice above them to name the widget). */
  private renderDetail(titled: boolean): TemplateResult {
    const heading = titled ? html`<h2>${this.t('title')}</h2>` : nothing;
    const loading = () => html`${heading}${this.loading()}`;
    // While it reloads (another language), the process on screen stays.
    const previous = () => (this.detail.value && this.detail.value.id === this.chosen() ? this.renderProcess(this.detail.value) : loading());
    return this.detail.render({
      initial: loading,
      pending: previous,
      error: (error) => html`${heading}${this.problem(error, () => void this.detail.run())}`,
      complete: (process) => (process ? this.renderProcess(process) : loading()),
    }) as TemplateResult;
  }

  private renderProcess(process: ProcessDetail): TemplateResult {
    const t = this.t;
    const fresh = this.fresh.get(process.id);
    const isNew = (notice: ProcessDetail['notices'][number]) => notice.unread || Boolean(fresh?.has(notice.id));
    return html`<header part="header">
        <h2>${process.title}</h2>
        <p class="meta">
          ${process.kind ? html`<span part="kind">${process.kind}</span>` : nothing}
          ${this.reachesSeveralAccounts() ? html`<span>${process.accountName}</span>` : nothing}
          <span>${t('updated', { date: this.date(process.updatedAt) })}</span>
        </p>
      </header>
      ${renderNewNotices(this, process.notices.filter(isNew))}
      ${this.phases.render(process)}
      ${renderNotices(this, process, process.notices.filter((notice) => !isNew(notice)))}
      ${this.references.render(process)}
      ${renderHistory(this, process)}
      ${this.full()
        ? html`<div class="actions"><button class="link" part="review" type="button" @click=${() => this.requestReview(process)}>${t('review')}</button></div>`
        : nothing}`;
  }

  private reachesSeveralAccounts(): boolean {
    return this.portal?.session.status === 'signed-in' && this.portal.session.accounts.length > 1;
  }

  private loading(): TemplateResult {
    return html`<div part="status" role="status" class="loading"><progress aria-hidden="true"></progress><span>${this.t('loading')}</span></div>`;
  }

  private problem(error: unknown, retry: () => void): TemplateResult {
    const code = error instanceof ApiError ? error.code : 'generic';
    const key = `error.${code}` as Key;
    return html`<div part="error" role="alert">
      <p>${key in messages.en ? this.t(key) : this.t('error.generic')}</p>
      <button class="secondary" type="button" @click=${retry}>${this.t('retry')}</button>
    </div>`;
  }

  private handleChoose = (event: Event) => {
    this.process = (event.target as HTMLSelectElement).value;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  };

  /** Opens `<portal-requests>`' new-request form (it listens on the document) for a review of `process`. */
  private requestReview(process: ProcessDetail) {
    const t = this.t;
    const draft: RequestDraft = {
      category: 'review',
      // A request's subject holds at most 200 characters.
      subject: t('review.subject', { title: process.title }).slice(0, 200),
      about: { type: 'process', id: process.id },
    };
    // `<portal-requests>` cancels the event when it takes the draft; with none on the page, say whom to ask instead.
    const taken = !this.dispatchEvent(new CustomEvent('portal-request-new', { detail: draft, bubbles: true, composed: true, cancelable: true }));
    const business = this.portal?.tenant.status === 'ready' ? this.portal.tenant.tenant.name : t('business');
    this.notice = taken ? '' : t('review.unavailable', { business });
  }
}

define('portal-process-tracker', PortalProcessTracker);

declare global {
  interface HTMLElementTagNameMap {
    'portal-process-tracker': PortalProcessTracker;
  }
}

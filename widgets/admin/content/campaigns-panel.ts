import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { define } from '../../core/define.ts';
import { todayIn } from '../../core/format.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { cardListStyles } from '../tokens/admin-tokens.styles.ts';
import { contentStyles } from './admin-content.styles.ts';
import './audience-picker.ts';
import type { CampaignAction, CampaignInput, ContentCampaign, ContentClient } from './content-client.ts';
import { campaignStatus, checkImage, IMAGE_TYPES, isSafeLink, localToday } from './content-rules.ts';
import { ContentEditorPanel, type DraftBase, type FieldErrors, type PendingUpload } from './editor-panel.ts';
import { renderField, renderFileField } from './form-fields.ts';

export type ActionKind = 'none' | 'interest' | 'link';
const ACTION_KINDS: readonly ActionKind[] = ['none', 'interest', 'link'];

/** The campaign form while it is filled in; dates as `YYYY-MM-DD`. */
export interface CampaignDraft extends DraftBase {
  description: string;
  validFrom: string;
  /** Empty: no end date. */
  validUntil: string;
  actionKind: ActionKind;
  actionLabel: string;
  actionUrl: string;
  audience: string[] | null;
  image?: File;
  imageUrl: string | null;
}

/**
 * The campaigns tab (C3, the advantage programme): each campaign's validity and status, its call to action and how
 * many accounts said "I'm interested"; a form (title, key, Markdown description, valid from / until, the action —
 * none, "I'm interested" with its label, or a link with its label and an https address, checked here — audience and
 * image), and "Delete" with a confirm step.
 * @summary Campaigns: list, form, delete.
 * @csspart list - the campaigns; each an `item` with a `status` badge and maybe a `thumbnail`.
 * @csspart form - the new / edit form.
 */
export class AdminContentCampaigns extends ContentEditorPanel<ContentCampaign, CampaignDraft> {
  static override styles = [baseStyles, panelStyles, cardListStyles, contentStyles];

  protected readonly kind = 'campaigns';
  protected readonly fieldOrder = ['title', 'key', 'description', 'validFrom', 'validUntil', 'actionKind', 'actionLabel', 'actionUrl', 'audience', 'image'];
  protected readonly fileName = 'image';

  private get today(): string {
    return this.me?.tenant.timeZone ? todayIn(this.me.tenant.timeZone) : localToday();
  }

  protected fetchItems(client: ContentClient, signal: AbortSignal) {
    return client.campaigns(signal);
  }

  protected emptyDraft(): CampaignDraft {
    const base = { key: '', keyEdited: false, title: '', description: '', validFrom: this.today, validUntil: '', audience: null, imageUrl: null };
    return { ...base, actionKind: 'interest', actionLabel: this.t('campaigns.action.interest.default'), actionUrl: '' };
  }

  protected draftOf(item: ContentCampaign): CampaignDraft {
    const { key, title, description, validFrom, audience, imageUrl, action } = item;
    const actionUrl = action?.kind === 'link' ? action.url : '';
    return { key, keyEdited: true, title, description, validFrom, validUntil: item.validUntil ?? '', audience, imageUrl, actionKind: action?.kind ?? 'none', actionLabel: action?.label ?? '', actionUrl };
  }

  protected check(draft: CampaignDraft): FieldErrors {
    const t = this.t;
    const date = /^\d{4}-\d{2}-\d{2}$/;
    const withAction = draft.actionKind !== 'none';
    const url = draft.actionUrl.trim();
    return {
      title: draft.title.trim() ? undefined : t('missing.title'),
      description: draft.description.trim() ? undefined : t('missing.description'),
      validFrom: date.test(draft.validFrom) ? undefined : t('missing.validFrom'),
      validUntil: !draft.validUntil ? undefined : !date.test(draft.validUntil) ? t('invalid.date') : draft.validUntil < draft.validFrom ? t('invalid.validUntil') : undefined,
      actionLabel: withAction && !draft.actionLabel.trim() ? t('missing.actionLabel') : undefined,
      actionUrl: draft.actionKind !== 'link' ? undefined : !url ? t('missing.actionUrl') : isSafeLink(url) ? undefined : t('invalid.actionUrl'),
      audience: draft.audience?.length === 0 ? t('audience.missing') : undefined,
    };
  }

  private actionOf(draft: CampaignDraft): CampaignAction {
    const label = draft.actionLabel.trim();
    if (draft.actionKind === 'interest') return { kind: 'interest', label };
    if (draft.actionKind === 'link') return { kind: 'link', label, url: draft.actionUrl.trim() };
    return null;
  }

  protected async saveDraft(client: ContentClient, draft: CampaignDraft) {
    const input: CampaignInput = {
      title: draft.title.trim(),
      description: draft.description.trim(),
      validFrom: draft.validFrom,
      validUntil: draft.validUntil || null,
      audience: draft.audience,
      action: this.actionOf(draft),
    };
    await client.saveCampaign(draft.key, input);
  }

  protected pendingUpload(draft: CampaignDraft): PendingUpload | undefined {
    const image = draft.image;
    return image && { file: image, send: (client) => client.uploadImage('campaigns', draft.key, image) };
  }

  protected checkFile(file: File) {
    return checkImage(file);
  }

  protected override fieldOfPath(path: string): string {
    return { 'action.label': 'actionLabel', 'action.url': 'actionUrl', action: 'actionKind', 'action.kind': 'actionKind' }[path] ?? super.fieldOfPath(path);
  }

  protected renderItems(): TemplateResult {
    return html`<ul part="list" aria-label=${this.t('campaigns.title')}>
      ${repeat(this.items, (item) => item.key, (item) => this.renderItem(item))}
    </ul>`;
  }

  private renderItem(item: ContentCampaign): TemplateResult {
    const t = this.t;
    const status = campaignStatus(item, this.today);
    return html`<li part="item" data-key=${item.key} data-status=${status}>
      <div class="item-head">
        <h4 id=${this.itemId(item.key)} tabindex="-1">${item.title}</h4>
        <span part="badge status" data-status=${status}>${t(`campaigns.status.${status}`)}</span>
      </div>
      ${item.imageUrl ? html`<div class="item-body"><img part="thumbnail" src=${item.imageUrl} alt=${t('image.alt', { title: item.title })} loading="lazy" /></div>` : nothing}
      <dl>
        <div><dt>${t('campaigns.validity')}</dt><dd>${this.validity(item)}</dd></div>
        <div><dt>${t('campaigns.action')}</dt><dd>${this.actionText(item.action)}</dd></div>
        <div><dt>${t('campaigns.interested')}</dt><dd>${this.number(item.interested)}</dd></div>
        <div><dt>${t('audience.label')}</dt><dd>${this.audienceText(item.audience)}</dd></div>
        <div><dt>${t('key')}</dt><dd><code part="code">${item.key}</code></dd></div>
      </dl>
      ${this.renderItemActions(item)}
    </li>`;
  }

  private validity(item: ContentCampaign): string {
    const from = this.day(item.validFrom);
    return item.validUntil ? this.t('campaigns.validity.range', { from, until: this.day(item.validUntil) }) : this.t('campaigns.validity.open', { from });
  }

  private actionText(action: CampaignAction): string {
    if (!action) return this.t('campaigns.action.none.text');
    if (action.kind === 'interest') return this.t('campaigns.action.interest.text', { label: action.label });
    return this.t('campaigns.action.link.text', { label: action.label, url: action.url });
  }

  /** A new kind of action: its usual label is offered when none was typed (or it was the other kind's). */
  private handleActionKind = (event: Event) => {
    const kind = (event.target as HTMLInputElement).value as ActionKind;
    const defaults = ['interest', 'link'].map((other) => this.t(`campaigns.action.${other as 'interest' | 'link'}.default`));
    const label = this.editing!.draft.actionLabel.trim();
    const actionLabel = kind !== 'none' && (!label || defaults.includes(label)) ? this.t(`campaigns.action.${kind}.default`) : this.editing!.draft.actionLabel;
    this.patchDraft({ actionKind: kind, actionLabel });
  };

  protected renderFields(draft: CampaignDraft): TemplateResult {
    const t = this.t;
    const { errors, handleInput: onInput } = this;
    return html`${renderField({ id: 'campaigns-title', name: 'title', label: t('field.title'), value: draft.title, maxlength: 200, required: true, error: errors.title, onInput })}
      ${this.renderKeyField(draft)}
      ${renderField({ id: 'campaigns-description', name: 'description', label: t('campaigns.description'), hint: t('markdown.hint'), value: draft.description, rows: 6, maxlength: 20_000, required: true, error: errors.description, onInput })}
      <div class="pair">
        ${renderField({ id: 'campaigns-validFrom', name: 'validFrom', type: 'date', label: t('campaigns.valid-from'), value: draft.validFrom, required: true, error: errors.validFrom, onInput })}
        ${renderField({ id: 'campaigns-validUntil', name: 'validUntil', type: 'date', label: t('campaigns.valid-until'), hint: t('campaigns.valid-until.hint'), value: draft.validUntil, min: draft.validFrom || undefined, error: errors.validUntil, onInput })}
      </div>
      ${this.renderAction(draft)}
      <admin-content-audience id="campaigns-audience" .client=${this.client} locale=${this.locale} .value=${draft.audience} error=${errors.audience ?? ''}
        @admin-content-audience-change=${(event: CustomEvent<{ audience: string[] | null }>) => this.patchDraft({ audience: event.detail.audience })}></admin-content-audience>
      ${renderFileField({
        id: 'campaigns-image',
        name: 'image',
        label: t('image.optional'),
        accept: IMAGE_TYPES.join(','),
        hint: t('image.hint'),
        current: draft.imageUrl ? html`<img part="thumbnail" src=${draft.imageUrl} alt=${t('image.current')} />` : undefined,
        error: errors.image,
        onChange: this.handleFile,
      })}`;
  }

  private renderAction(draft: CampaignDraft): TemplateResult {
    const t = this.t;
    const { errors, handleInput: onInput } = this;
    return html`<fieldset class="field action" aria-describedby=${errors.actionKind ? 'campaigns-actionKind-error' : nothing}>
      <legend>${t('campaigns.action')}</legend>
      ${ACTION_KINDS.map(
        (kind, index) => html`<label class="choice">
          <input type="radio" id=${index === 0 ? 'campaigns-actionKind' : nothing} name="actionKind" value=${kind} .checked=${draft.actionKind === kind} @change=${this.handleActionKind} />
          <span>${t(`campaigns.action.${kind}`)}</span>
        </label>`,
      )}
      ${errors.actionKind ? html`<p class="field-error" id="campaigns-actionKind-error">${errors.actionKind}</p>` : nothing}
      ${draft.actionKind !== 'none'
        ? renderField({ id: 'campaigns-actionLabel', name: 'actionLabel', label: t('campaigns.action.label'), hint: t(`campaigns.action.label.hint.${draft.actionKind}`), value: draft.actionLabel, maxlength: 60, required: true, error: errors.actionLabel, onInput })
        : nothing}
      ${draft.actionKind === 'link'
        ? renderField({ id: 'campaigns-actionUrl', name: 'actionUrl', type: 'url', label: t('campaigns.action.url'), hint: t('campaigns.action.url.hint'), value: draft.actionUrl, maxlength: 2048, required: true, error: errors.actionUrl, onInput })
        : nothing}
    </fieldset>`;
  }
}

define('admin-content-campaigns', AdminContentCampaigns);

declare global {
  interface HTMLElementTagNameMap {
    'admin-content-campaigns': AdminContentCampaigns;
  }
}

import type { AdminApi } from '../admin-api.ts';
import type { AppointmentProposal, AvailabilityRule, Localized, Slot } from '../../../server/features/appointments/schemas.ts';

export type { Localized, Slot };

/** A booking as the business sees it (`GET /api/v1/appointments/bookings`): keys, not names, for service and provider. */
export interface BookingItem {
  id: string;
  status: 'booked' | 'cancelled';
  start: string;
  end: string;
  accountId: string;
  accountName: string;
  /** Who attends, when the account booked for someone else. */
  attendee: string | null;
  serviceKey: string;
  providerKey: string;
  userId: string | null;
  requestId: string | null;
}

/** What the bookings list may be narrowed to: `from` and `to` are dates in the tenant's zone, both included. */
export interface BookingsQuery {
  from: string;
  to: string;
  providerKey?: string;
  accountId?: string;
  status?: BookingItem['status'];
}

/** A service or exam type, its name in each language the business wrote. */
export interface ServiceItem {
  key: string;
  names: Localized;
  kind: 'consultation' | 'exam';
  durationMinutes: number;
  instructions: Localized | null;
  active: boolean;
}

/** A provider (a doctor, a clinic, a room) and the keys of the services booked with it. */
export interface ProviderItem {
  id: string;
  key: string;
  name: string;
  kind: 'person' | 'clinic' | 'room';
  active: boolean;
  services: string[];
}

/** One weekly opening as the server answers it (validity dates null when open-ended). */
export interface RuleItem {
  weekday: number;
  start: string;
  end: string;
  validFrom?: string | null;
  validUntil?: string | null;
}

/** A closed period: a whole day for everyone (`providerKey` null) or a provider's blocked stretch. */
export interface ClosedPeriod {
  id: string;
  providerKey: string | null;
  from: string;
  to: string;
  reason: string | null;
}

/** A new closed period: a whole day (`date`) or two instants with their offset. */
export type NewClosedPeriod =
  | { providerKey: string | null; date: string; reason?: string }
  | { providerKey: string | null; from: string; to: string; reason?: string };

/** A client's proposal of times, as the business lists them (with the provider's key, when one was asked for). */
export interface ProposalItem extends AppointmentProposal {
  providerKey: string | null;
}

/** What confirming a proposal answers. */
export interface ConfirmedProposal {
  proposalId: string;
  status: 'confirmed';
  appointmentId: string;
  requestId: string;
  start: string;
  end: string;
}

const BASE = '/api/v1/appointments';
const segment = encodeURIComponent;

/** `path?query` without the empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const entries = Object.entries(query).filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '');
  return entries.length ? `${path}?${new URLSearchParams(entries.map(([key, value]) => [key, String(value)]))}` : path;
}

/**
 * The appointment endpoints the console uses (`/api/v1/appointments/…`), typed, over {@link AdminApi.request} with
 * the staff session. Reads need `appointments:read`, changes `appointments:write`.
 */
export class AppointmentsClient {
  constructor(private readonly api: AdminApi) {}

  async bookings(query: BookingsQuery, signal?: AbortSignal): Promise<BookingItem[]> {
    const { from, to, providerKey, accountId, status } = query;
    return (await this.api.request<{ items: BookingItem[] }>('GET', withQuery(`${BASE}/bookings`, { from, to, providerKey, accountId, status }), undefined, signal)).items;
  }

  /** Cancels a booking; the client is told by e-mail. Cancelling one already cancelled changes nothing. */
  cancelBooking(id: string): Promise<{ id: string; status: 'cancelled' }> {
    return this.api.request('POST', `${BASE}/bookings/${segment(id)}/cancel`);
  }

  async proposals(status: ProposalItem['status'] = 'pending', signal?: AbortSignal): Promise<ProposalItem[]> {
    return (await this.api.request<{ items: ProposalItem[] }>('GET', withQuery(`${BASE}/proposals`, { status }), undefined, signal)).items;
  }

  /** Books `start` (an instant with its offset) with `providerKey`, and answers the client's request. */
  confirmProposal(id: string, input: { start: string; providerKey: string; message?: string }): Promise<ConfirmedProposal> {
    return this.api.request('POST', `${BASE}/proposals/${segment(id)}/confirm`, input);
  }

  refuseProposal(id: string, reason: string): Promise<{ proposalId: string; status: 'refused'; requestId: string }> {
    return this.api.request('POST', `${BASE}/proposals/${segment(id)}/refuse`, { reason });
  }

  async providers(signal?: AbortSignal): Promise<ProviderItem[]> {
    return (await this.api.request<{ items: ProviderItem[] }>('GET', `${BASE}/providers`, undefined, signal)).items;
  }

  async services(signal?: AbortSignal): Promise<ServiceItem[]> {
    return (await this.api.request<{ items: ServiceItem[] }>('GET', `${BASE}/services`, undefined, signal)).items;
  }

  async rules(providerKey: string, signal?: AbortSignal): Promise<RuleItem[]> {
    return (await this.api.request<{ rules: RuleItem[] }>('GET', `${BASE}/providers/${segment(providerKey)}/rules`, undefined, signal)).rules;
  }

  /** Replaces a provider's weekly hours whole. Open-ended validity is left out (the server takes no nulls). */
  async saveRules(providerKey: string, rules: RuleItem[]): Promise<RuleItem[]> {
    const body = rules.map(({ weekday, start, end, validFrom, validUntil }): AvailabilityRule => ({
      weekday,
      start,
      end,
      ...(validFrom ? { validFrom } : {}),
      ...(validUntil ? { validUntil } : {}),
    }));
    return (await this.api.request<{ rules: RuleItem[] }>('PUT', `${BASE}/providers/${segment(providerKey)}/rules`, { rules: body })).rules;
  }

  /** The closed periods touching the days `from` to `to` (dates in the tenant's zone). */
  async closedPeriods(from: string, to: string, signal?: AbortSignal): Promise<ClosedPeriod[]> {
    return (await this.api.request<{ items: ClosedPeriod[] }>('GET', withQuery(`${BASE}/exceptions`, { from, to }), undefined, signal)).items;
  }

  addClosedPeriod(input: NewClosedPeriod): Promise<ClosedPeriod> {
    return this.api.request('POST', `${BASE}/exceptions`, input);
  }

  async deleteClosedPeriod(id: string): Promise<void> {
    await this.api.request('DELETE', `${BASE}/exceptions/${segment(id)}`);
  }
}

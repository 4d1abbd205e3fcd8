import type { WebhookEventType } from '../../../server/features/webhooks/schemas.ts';

/**
 * The events an endpoint can subscribe to, grouped as the form shows them. The list mirrors `WEBHOOK_EVENTS` of
 * `server/features/webhooks/schemas.ts`, which the console does not import (it would bring zod into the page); the
 * type check below fails if the two stop matching. Each event's name and meaning are in this section's messages.
 */
export const EVENT_GROUPS = [
  { id: 'requests', events: ['request.created', 'request.replied', 'request.answered', 'request.closed'] },
  { id: 'appointments', events: ['appointment.booked', 'appointment.cancelled'] },
  { id: 'billing', events: ['charge.paid', 'payment_method.changed'] },
  { id: 'clients', events: ['profile.changed', 'user.activated'] },
  { id: 'documents', events: ['document.downloaded'] },
] as const;
export type EventGroupId = (typeof EVENT_GROUPS)[number]['id'];

/** Every event type, in the form's order. */
export const EVENT_TYPES: readonly WebhookEventType[] = EVENT_GROUPS.flatMap((group) => group.events);

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const mirrorsServer: Same<(typeof EVENT_GROUPS)[number]['events'][number], WebhookEventType> = true;
void mirrorsServer;

/** The chosen events in the form's order, without repeats: what a form sends. */
export function orderedEvents(events: Iterable<WebhookEventType>): WebhookEventType[] {
  const chosen = new Set(events);
  return EVENT_TYPES.filter((type) => chosen.has(type));
}

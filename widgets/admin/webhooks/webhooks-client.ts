import type { AdminApi } from '../admin-api.ts';
import type {
  PorticoEvent,
  WebhookAttempt,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookEventType,
} from '../../../server/features/webhooks/schemas.ts';

export type { PorticoEvent, WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEndpointWithSecret, WebhookEventType };

/** What the form sends: a new endpoint, or the changes to one. */
export interface EndpointInput {
  url: string;
  description: string;
  events: WebhookEventType[];
}
export type DeliveryStatus = WebhookDelivery['status'];
export interface DeliveryPage {
  items: WebhookDelivery[];
  next: string | null;
}

const ENDPOINTS = '/api/v1/webhooks';
const endpointPath = (id: string) => `${ENDPOINTS}/${encodeURIComponent(id)}`;

/**
 * The webhook endpoints the console uses (`/api/v1/webhooks`, `webhooks:read` / `webhooks:write`), typed, over
 * {@link AdminApi.request} with the staff session.
 */
export class WebhooksClient {
  constructor(private readonly api: AdminApi) {}

  async list(signal?: AbortSignal): Promise<WebhookEndpoint[]> {
    return (await this.api.request<{ items: WebhookEndpoint[] }>('GET', ENDPOINTS, undefined, signal)).items;
  }

  /** Registers an endpoint (enabled); the answer holds its signing secret, this once. */
  create(input: EndpointInput): Promise<WebhookEndpointWithSecret> {
    return this.api.request('POST', ENDPOINTS, input);
  }

  update(id: string, patch: Partial<EndpointInput> & { enabled?: boolean }): Promise<WebhookEndpoint> {
    return this.api.request('PATCH', endpointPath(id), patch);
  }

  /** Deletes the endpoint and its delivery log. */
  async remove(id: string): Promise<void> {
    await this.api.request('DELETE', endpointPath(id));
  }

  /** A new signing secret; the old one stops signing at once. */
  rotateSecret(id: string): Promise<WebhookEndpointWithSecret> {
    return this.api.request('POST', `${endpointPath(id)}/rotate-secret`);
  }

  /** Queues a `ping` event to this endpoint only; answers its (pending) delivery. */
  ping(id: string): Promise<WebhookDelivery> {
    return this.api.request('POST', `${endpointPath(id)}/ping`);
  }

  /** A page of the endpoint's deliveries, newest first; `before` is the previous page's `next`. */
  deliveries(id: string, query: { status?: DeliveryStatus; before?: string }, signal?: AbortSignal): Promise<DeliveryPage> {
    const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])));
    const search = params.toString();
    return this.api.request('GET', `${endpointPath(id)}/deliveries${search ? `?${search}` : ''}`, undefined, signal);
  }

  /** A new delivery of the same event to the same endpoint (pending). */
  redeliver(deliveryId: string): Promise<WebhookDelivery> {
    return this.api.request('POST', `${ENDPOINTS}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`);
  }
}

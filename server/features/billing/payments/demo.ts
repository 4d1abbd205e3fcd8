import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { withReturnFlag, WebhookSignatureError, type HostedPage, type PaymentProvider } from './provider.ts';

/** How long a demo payment page stays usable. */
const PAGE_MINUTES = 60;

/** What a demo page's token carries: enough for the page to show the charge, signed so it cannot be changed. */
export interface DemoPage {
  kind: 'pay' | 'manage';
  tenantId: string;
  chargeId?: string;
  description?: string;
  amount?: number;
  currency?: string;
  locale: string;
  returnUrl: string;
  /** Unix seconds. */
  expiresAt: number;
}

/**
 * A stand-in payment provider for the demo when no Stripe keys are set, so card payments can be tried end to end
 * without leaving the machine: its "hosted page" is `/demo/pay/`, which shows the charge and, on "pay", posts the
 * signed token back to `/api/webhooks/demo` as a provider's webhook would. Never used outside demo mode. `baseUrl`
 * is asked when a page is made: the server's address is known only once it listens.
 */
export function demoProvider(options: { baseUrl: () => string; now?: () => Date }): PaymentProvider {
  const secret = randomBytes(32);
  const now = options.now ?? (() => new Date());
  const sign = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');
  const page = (content: Omit<DemoPage, 'expiresAt'>, customerId: string): HostedPage => {
    const payload = Buffer.from(JSON.stringify({ ...content, expiresAt: Math.floor(now().getTime() / 1000) + PAGE_MINUTES * 60 })).toString('base64url');
    return { url: `${options.baseUrl()}/demo/pay/#${payload}.${sign(payload)}`, customerId };
  };
  const customerOf = (accountId: string, given: string | null) => given ?? `demo_cus_${accountId.replaceAll('-', '').slice(0, 16)}`;
  return {
    name: 'demo',
    async payCharge(input) {
      const { tenantId, chargeId, description, amount, currency, locale } = input;
      return page({ kind: 'pay', tenantId, chargeId, description, amount, currency, locale, returnUrl: withReturnFlag(input.returnUrl, 'done') }, customerOf(input.accountId, input.customerId));
    },
    async manageMethods(input) {
      return page({ kind: 'manage', tenantId: input.tenantId, locale: input.locale, returnUrl: input.returnUrl }, customerOf(input.accountId, input.customerId));
    },
    async readWebhook(rawBody) {
      const token = readToken(rawBody);
      const [payload, signature] = typeof token === 'string' ? token.split('.') : [];
      const expected = payload ? Buffer.from(sign(payload)) : Buffer.alloc(0);
      if (!payload || !signature || Buffer.from(signature).length !== expected.length || !timingSafeEqual(Buffer.from(signature), expected)) {
        throw new WebhookSignatureError('The demo payment token is not one this server made');
      }
      const content = JSON.parse(Buffer.from(payload, 'base64url').toString()) as DemoPage;
      if (content.expiresAt * 1000 < now().getTime()) throw new WebhookSignatureError('The demo payment page has expired');
      if (content.kind !== 'pay' || !content.chargeId || content.amount === undefined || !content.currency) return undefined;
      return {
        eventId: createHash('sha256').update(token as string).digest('hex'),
        type: 'charge-paid',
        tenantId: content.tenantId,
        chargeId: content.chargeId,
        paidAt: now(),
        amount: content.amount,
        currency: content.currency,
      };
    },
  };
}

/** The token of a demo webhook body, or undefined for anything else (including a body that is not JSON). */
function readToken(rawBody: string): unknown {
  try {
    return (JSON.parse(rawBody) as { token?: unknown } | null)?.token;
  } catch {
    return undefined;
  }
}

import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The stable machine codes a problem can carry; widgets translate these, so never rename one. */
export type ProblemCode =
  | 'not_found'
  | 'tenant_not_found'
  | 'malformed_json'
  | 'invalid_input'
  | 'origin_not_allowed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'service_unavailable'
  | 'storage_full'
  | 'internal_error'
  | 'unauthenticated'
  | 'forbidden'
  | 'invalid_credentials'
  | 'too_many_attempts'
  | 'rate_limited'
  | 'webhook_url_not_allowed'
  | 'invalid_code'
  | 'invalid_link'
  | 'challenge_expired'
  | 'password_confirmation_required'
  | 'staff_exists'
  | 'last_owner'
  | 'mail_already_sent'
  | 'password_too_short'
  | 'password_too_long'
  | 'password_too_common'
  | 'password_required'
  | 'account_not_reachable'
  | 'portal_address_missing'
  | 'request_closed'
  | 'request_not_closed'
  | 'reopen_window_passed'
  | 'charge_not_payable'
  | 'payment_provider_unavailable'
  | 'payment_provider_error'
  | 'invalid_signature'
  | 'idempotency_key_reused'
  | 'idempotency_in_progress'
  | 'link_expired'
  | 'slot_taken'
  | 'slot_not_offered'
  | 'slot_in_past'
  | 'booking_unavailable'
  | 'cancellation_closed'
  | 'appointments_hidden'
  | 'proposal_answered'
  | 'field_not_editable'
  | 'profile_incomplete';

/** An RFC 9457 problem document as Portico sends it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail?: string;
  instance?: string;
  requestId?: string;
  /** Per-field messages for `invalid_input`. */
  errors?: { path: string; message: string }[];
}

/** An error a handler throws on purpose; the error handler turns it into problem+json. */
export class AppError extends Error {
  override name = 'AppError';
  /** Seconds to wait before trying again (429), sent as `Retry-After`. */
  retryAfter?: number;
  /** Extension members of the problem document (RFC 9457 §3.2), e.g. the fresh slots of `slot_taken`. */
  extensions?: Record<string, unknown>;
  /** The request's body was left unread: the connection cannot carry another request, so it says `Connection: close`. */
  closeConnection?: boolean;
  constructor(
    readonly code: ProblemCode,
    readonly status: ContentfulStatusCode,
    detail: string,
    readonly errors?: Problem['errors'],
  ) {
    super(detail);
  }
}

const titles: Record<ProblemCode, string> = {
  not_found: 'Not found',
  tenant_not_found: 'Portal not found',
  malformed_json: 'Malformed JSON',
  invalid_input: 'Invalid input',
  origin_not_allowed: 'Origin not allowed',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  service_unavailable: 'Service unavailable',
  storage_full: 'File store full',
  internal_error: 'Internal error',
  unauthenticated: 'Not signed in',
  forbidden: 'Not allowed',
  invalid_credentials: 'Wrong e-mail or password',
  too_many_attempts: 'Too many attempts',
  rate_limited: 'Rate limit reached',
  webhook_url_not_allowed: 'Webhook address not allowed',
  invalid_code: 'Wrong or expired code',
  invalid_link: 'Link expired or already used',
  challenge_expired: 'Sign-in step expired',
  password_confirmation_required: 'Password confirmation required',
  staff_exists: 'Staff member already exists',
  last_owner: 'The last owner cannot be removed',
  mail_already_sent: 'Mail already sent',
  password_too_short: 'Password too short',
  password_too_long: 'Password too long',
  password_too_common: 'Password too common',
  password_required: 'New password required',
  account_not_reachable: 'Account not reachable',
  portal_address_missing: 'Portal address missing',
  request_closed: 'Request closed',
  request_not_closed: 'Request not closed',
  reopen_window_passed: 'Too late to reopen',
  charge_not_payable: 'Charge not payable',
  payment_provider_unavailable: 'Card payments not offered',
  payment_provider_error: 'Payment provider failed',
  invalid_signature: 'Invalid signature',
  idempotency_key_reused: 'Idempotency key reused',
  idempotency_in_progress: 'Request already in progress',
  link_expired: 'Link expired',
  slot_taken: 'Slot just taken',
  slot_not_offered: 'Slot not offered',
  slot_in_past: 'Slot in the past',
  booking_unavailable: 'Booking not offered',
  cancellation_closed: 'Too late to cancel',
  appointments_hidden: 'Appointments not shown',
  proposal_answered: 'Proposal already answered',
  field_not_editable: 'Field not editable',
  profile_incomplete: 'Profile incomplete',
};

/** A field of the input and what is wrong with it. */
export type FieldError = NonNullable<Problem['errors']>[number];

/** Answers `c` with a problem+json body for `error`. */
export function problemResponse(c: Context, error: AppError): Response {
  const body: Problem = {
    type: `https://portico.dev/problems/${error.code.replaceAll('_', '-')}`,
    title: titles[error.code],
    status: error.status,
    code: error.code,
    detail: error.message,
    instance: new URL(c.req.url).pathname,
    requestId: c.get('requestId'),
    ...(error.errors ? { errors: error.errors } : {}),
  };
  // Extensions never overwrite the standard members.
  const document = { ...error.extensions, ...body };
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
  if (error.retryAfter) headers['Retry-After'] = String(error.retryAfter);
  if (error.closeConnection) headers.Connection = 'close';
  return c.body(JSON.stringify(document), error.status, headers);
}

import type { BookingMode } from '../../../server/features/appointments/schemas.ts';

/** How clients book (the server's `BOOKING_MODES`, without importing the server's validation code into the console). */
export const BOOKING_MODES = ['self', 'request', 'off'] as const satisfies readonly BookingMode[];
// Fails to compile when the server adds a mode this list lacks.
const _everyMode: Record<Exclude<BookingMode, (typeof BOOKING_MODES)[number]>, never> = {};
void _everyMode;

/**
 * The role every request's queries run as (`SET LOCAL ROLE` inside the request's transaction).
 * It owns no table and cannot bypass row-level security; the migrations create it.
 */
export const APP_ROLE = 'portico_app';

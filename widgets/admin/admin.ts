import { applyTheme, DEFAULT_BRANDING } from '../core/theme.ts';
import './shell/portico-admin.ts';

/**
 * The staff console's entry module (`/admin.js`, loaded by the page at `/admin/`): defines `<portico-admin>` (with the
 * sign-in and the password dialog; each section's chunk loads when opened) and gives the page Portico's own look, the
 * same `--portal-*` tokens the widgets use.
 */
applyTheme(DEFAULT_BRANDING);

export { PorticoAdmin } from './shell/portico-admin.ts';

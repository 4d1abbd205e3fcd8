/** Every `portal-*` element the loader knows, and how to fetch its chunk. */
export const widgetChunks: Record<string, () => Promise<unknown>> = {
  'portal-app': () => import('./app/portal-app.ts'),
  'portal-appointments': () => import('./appointments/portal-appointments.ts'),
  'portal-billing': () => import('./billing/portal-billing.ts'),
  'portal-brand': () => import('./brand/portal-brand.ts'),
  'portal-campaigns': () => import('./campaigns/portal-campaigns.ts'),
  'portal-documents': () => import('./documents/portal-documents.ts'),
  'portal-feedback': () => import('./feedback/portal-feedback.ts'),
  'portal-login': () => import('./login/portal-login.ts'),
  'portal-materials': () => import('./materials/portal-materials.ts'),
  'portal-news': () => import('./news/portal-news.ts'),
  'portal-process-tracker': () => import('./process-tracker/portal-process-tracker.ts'),
  'portal-profile': () => import('./profile/portal-profile.ts'),
  'portal-requests': () => import('./requests/portal-requests.ts'),
};

import type { StorybookConfig } from '@storybook/web-components-vite';

/** Storybook for designers: every widget in every state, on fixture data, no server. Works offline. */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  // Docs pages from the Custom Elements Manifest (see preview.ts), and the accessibility panel.
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
    // The project's vite.config.ts builds the embed bundle; Storybook needs none of that.
    builder: { name: '@storybook/builder-vite', options: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  // The canvas takes the tenant’s surface colour (preview-head.html), so the backgrounds tool would only fight it.
  features: { backgrounds: false },
  // The demo tenants' logos, so stories show real branding. Only their folders: served whole, `demo/` would shadow
  // the modules the stories import from it (the dev server answered /demo/tenants.ts with the raw file).
  staticDirs: [
    { from: '../demo/clinica-sol', to: '/demo/clinica-sol' },
    { from: '../demo/martins-castro', to: '/demo/martins-castro' },
  ],
};
export default config;

import type { StorybookConfig } from '@storybook/web-components-vite';

/** Storybook for designers: every widget in every state, on fixture data, no server. Works offline. */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
    // The project's vite.config.ts builds the embed bundle; Storybook needs none of that.
    builder: { name: '@storybook/builder-vite', options: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  // The demo logos, so stories show real branding.
  staticDirs: [{ from: '../demo', to: '/demo' }],
};
export default config;

import { defineConfig } from 'vite';
import { customElementsManifest } from './custom-elements-manifest.ts';

export default defineConfig({
  plugins: [customElementsManifest()],
});

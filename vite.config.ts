import { defineConfig } from 'vite';

/**
 * The widget bundle: `dist/public/embed.js` (the loader) and `dist/public/widgets/*.js` (one chunk per widget,
 * plus the shared runtime and Lit), fetched only when a page uses them. Served by Portico at `/embed.js`. `dist/public/admin.js` is the staff console, served with its page at `/admin/`.
 */
export default defineConfig({
  // Chunks are imported relative to the loader, so the bundle works wherever Portico is mounted.
  base: './',
  publicDir: false,
  build: {
    outDir: 'dist/public',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    sourcemap: true,
    rolldownOptions: {
      input: { embed: 'widgets/embed.ts', admin: 'widgets/admin/admin.ts' },
      preserveEntrySignatures: false,
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'widgets/[name]-[hash].js',
      },
    },
  },
});

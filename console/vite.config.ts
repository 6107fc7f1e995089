import { defineConfig } from 'vite';

/**
 * The console's build: one app under console/, built into console/dist, served by the local
 * server (infra/local/console.ts) and on AWS from S3 behind CloudFront. Vite 8 compiles TSX
 * itself (oxc), so no React plugin is needed for a production build.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  // The API's roster parser (shared/training/imports/roster.ts) checks files in the browser too:
  // csv-parse's Node build needs Buffer, its browser build carries its own.
  resolve: { alias: [{ find: /^csv-parse\/sync$/, replacement: 'csv-parse/browser/esm/sync' }] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The budget is measured by `npm run bench` (first-load JS + CSS gzip), not warned about here.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      // Mantine marks its modules "use client" for React Server Components; meaningless in an SPA.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
});

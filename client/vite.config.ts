import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const API = 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  // @spotcheck/shared is a linked workspace package compiled to CommonJS: pre-bundle it in dev so
  // the browser gets ES modules (the production build converts CommonJS by itself).
  // The draw verifier's worker takes the draw core alone (no zod, no CASL).
  optimizeDeps: { include: ['@spotcheck/shared', '@spotcheck/shared/dist/draw'] },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    port: 5173,
    proxy: { '/graphql': { target: API, changeOrigin: true, ws: true }, '/api': { target: API, changeOrigin: true } },
  },
  preview: {
    proxy: { '/graphql': { target: API, changeOrigin: true, ws: true }, '/api': { target: API, changeOrigin: true } },
  },
});

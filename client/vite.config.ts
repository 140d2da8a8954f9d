import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { gqlDocuments } from './vite-gql-documents';
import { precompress } from './vite-precompress';

const API = 'http://localhost:4000';
const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  plugins: [gqlDocuments(path.join(here, 'src')), react(), precompress()],
  resolve: {
    // @spotcheck/shared from its TypeScript sources (ES modules) rather than its CommonJS build: each route
    // then takes only the parts it uses (zod, for one, only where rules are edited), not the whole package.
    alias: [{ find: /^@spotcheck\/shared(\/dist)?/, replacement: path.join(here, '..', 'shared', 'src') }],
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    port: 5173,
    proxy: { '/graphql': { target: API, changeOrigin: true, ws: true }, '/api': { target: API, changeOrigin: true } },
  },
  preview: {
    proxy: { '/graphql': { target: API, changeOrigin: true, ws: true }, '/api': { target: API, changeOrigin: true } },
  },
});

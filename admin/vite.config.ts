import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { schemaIntrospection } from './vite-introspection.ts';

const api = process.env.GRIDWATCH_API ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react(), schemaIntrospection(fileURLToPath(new URL('../schema/schema.graphql', import.meta.url)))],
  server: {
    proxy: { '/graphql': { target: api, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // react-admin + MUI make one large vendor chunk; the dashboard's charts load lazily.
    chunkSizeWarningLimit: 1600,
  },
});

import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { schemaIntrospection } from './vite-introspection.ts';

const api = process.env.GRIDWATCH_API ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react(), schemaIntrospection(fileURLToPath(new URL('../schema/schema.graphql', import.meta.url)))],
  server: {
    // The plain-HTTP routes beside GraphQL (exports, the source import) go to the API as well.
    proxy: Object.fromEntries(['/graphql', '/export', '/import'].map((path) => [path, { target: api, changeOrigin: false }])),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Vendor chunks that change rarely (cached across deploys of the console); the
    // dashboard's charts load lazily with it.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'apollo', test: /node_modules[\\/](@apollo|graphql|@wry|optimism|zen-observable|ts-invariant)/ },
            { name: 'mui', test: /node_modules[\\/](@mui|@emotion|@popperjs|react-transition-group)/ },
            { name: 'react-admin', test: /node_modules[\\/](react-admin|ra-[a-z-]+|react-hook-form|@tanstack|lodash|inflection|query-string|jsonexport|date-fns|dompurify)/ },
          ],
        },
      },
    },
  },
});

import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';
import { schemaIntrospection } from './vite-introspection.ts';

const api = process.env.GRIDWATCH_API ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [
    react(),
    schemaIntrospection(fileURLToPath(new URL('../schema/schema.graphql', import.meta.url))),
    // An installable app whose shell works offline (Workbox precache); data sent offline waits in
    // the field outbox (src/field/outbox.ts), never in the service worker.
    VitePWA({
      // A new version waits until every tab of the app is closed: never a reload in the middle
      // of a report (the first install takes control at once).
      registerType: 'prompt',
      injectRegister: null,
      includeAssets: ['icons/icon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: 'gridwatch 网格化环境监管',
        short_name: '网格监管',
        description: '环保网格员、执法人员现场上报、巡查打卡、核实: 离线可用',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#ffffff',
        theme_color: '#2e7d32',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        maximumFileSizeToCacheInBytes: 3_000_000,
        navigateFallback: '/index.html',
        // The API's own routes are never answered from the cache.
        navigateFallbackDenylist: [/^\/(graphql|healthz|readyz|evidence|cases|patrol-check-ins|inspections|inspection-photos|export|import|report\/|notice\/)/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: false,
      },
    }),
    // Brotli (quality 11) and gzip files beside each asset, served by the API as they are
    // (express-static-gzip): smaller than compressing per request, and no CPU per request.
    compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|mjs|css|html|svg|json|webmanifest)$/, threshold: 1024 }),
  ],
  // The domain package is a linked CommonJS build (admin imports only its enums entry): the dev
  // server pre-bundles it into ESM like any dependency; the production build converts it itself.
  optimizeDeps: { include: ['@gridwatch/domain/enums'] },
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

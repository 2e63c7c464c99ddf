import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { tfjsWasmThreads } from './scripts/vite/tfjsWasmThreads.ts';

// Cross-origin isolation lets the page share memory with workers, so tfjs's wasm backend runs its
// threaded build (XNNPACK on every core). A static host needs the same two headers (README).
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// base './' lets the build run from any static host, at the root or under a sub-path.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    tfjsWasmThreads(),
    // A service worker (built only by `vite build`, not in the dev server) keeps the lab working offline
    // after one visit: it precaches the app (HTML, JS, CSS, the tfjs .wasm files) and caches each
    // Fashion-MNIST file the first time the lab loads it. autoUpdate: a new deploy replaces the old
    // worker at once and the open page reloads, so no one is left on stale code.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false, // src/app/offline.ts registers it
      manifest: false,
      scope: './',
      workbox: {
        globPatterns: ['**/*.{html,js,css,wasm}'],
        globIgnores: ['data/**'],
        maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
        skipWaiting: true,
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        navigateFallback: 'index.html',
        runtimeCaching: [
          {
            // The data never changes (scripts/fetch-data.ts checks it by SHA-256): once is enough.
            urlPattern: /\/data\/fashion-mnist\/[^/]+\.gz$/,
            handler: 'CacheFirst',
            options: {
              cacheName: 'training-lab-fashion-mnist',
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
  ],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // Two pages: the app, and the benchmark page that `npm run bench` drives.
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        bench: fileURLToPath(new URL('./bench.html', import.meta.url)),
      },
    },
  },
  server: { port: 5173, headers: ISOLATION_HEADERS },
  // The dev server bundles tfjs ahead of time, apart from the plugins above.
  optimizeDeps: { rolldownOptions: { plugins: [tfjsWasmThreads()] } },
  preview: { port: 4173, headers: ISOLATION_HEADERS },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});

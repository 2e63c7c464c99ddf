import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// base './' lets the build run from any static host, at the root or under a sub-path.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The api serves the built app in embedded mode; `pnpm dev` proxies to an api on :3000.
const API = process.env['CALLBOARD_API'] ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  // '@callboard/api/definitions' resolves to the api's TypeScript source: one text for every definition.
  resolve: { conditions: ['source'] },
  server: {
    proxy: {
      '/api': API,
      '/socket.io': { target: API, ws: true },
    },
  },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 1500 },
  test: { environment: 'jsdom', globals: true, setupFiles: ['src/test-setup.ts'], css: false },
});

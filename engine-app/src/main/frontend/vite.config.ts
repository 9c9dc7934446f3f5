import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// Served by the platform at /workbench (no CDN: every asset is in the jar). `npm run dev` proxies the
// API to a platform started with scripts/start.
export default defineConfig({
  base: '/workbench/',
  plugins: [vue()],
  build: {
    outDir: fileURLToPath(new URL('../../../target/classes/static/workbench', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    reportCompressedSize: true,
  },
  server: {
    proxy: {
      '^/(api|cases|engine-rest)/': 'http://localhost:8080',
      '^/workbench/(login|logout)$': { target: 'http://localhost:8080', bypass: (req) => (req.method === 'GET' ? req.url : undefined) },
    },
  },
});

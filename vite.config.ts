import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The dashboard. In development `/api` goes to the API server on port 3000; in production the
// API server serves `dist/` itself, so the SPA and the API share one origin (cookies just work).
// WORKDIARY_API_URL points the proxy at another API server.
const api = { '/api': { target: process.env.WORKDIARY_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false } };

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: false, proxy: api },
  preview: { port: 4173, proxy: api },
  build: {
    target: 'es2022',
    outDir: 'dist',
    assetsInlineLimit: 2048,
  },
});

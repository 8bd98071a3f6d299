// Builds the web client (client/ → client/dist, served by the server) and, in development, proxies the API,
// socket.io and the collaboration socket to the server on port 3000.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const SERVER = process.env.TONGBAN_DEV_SERVER ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('client', import.meta.url)),
  plugins: [react()],
  build: {
    // TONGBAN_CLIENT_DIST: where the server serves the client from too (server/config.ts, clientDist).
    outDir: process.env.TONGBAN_CLIENT_DIST ?? fileURLToPath(new URL('client/dist', import.meta.url)),
    emptyOutDir: true,
    // Ant Design alone is several hundred kB; the split below keeps the app's own chunks small and cacheable.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: SERVER, changeOrigin: false },
      '/socket.io': { target: SERVER, ws: true, changeOrigin: false },
      '/collab': { target: SERVER, ws: true, changeOrigin: false },
    },
  },
});

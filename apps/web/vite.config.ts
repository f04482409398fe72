import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves the built app from `dist`; `npm run dev -w @tessera/web` proxies the API of a running
// `npm start` on port 3000 for live reloading while editing screens.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    // Hashed files of earlier builds stay: a server still holding the previous index.html (tests running
    // while the app is rebuilt) keeps finding the scripts it names.
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: false,
    // The bundle report (bench `web`, and the size budget test) reads which chunks each screen needs from it.
    manifest: true,
    chunkSizeWarningLimit: 250,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});

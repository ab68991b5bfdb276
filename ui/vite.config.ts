/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import process from 'node:process';

const uiRoot = fileURLToPath(new URL('.', import.meta.url));

// Tauri expects a fixed dev-server port and a static build in ui/dist
// (tauri.conf.json: build.devUrl http://localhost:1420, build.frontendDist ui/dist).
export default defineConfig({
  root: uiRoot,
  base: './',
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    host: process.env.TAURI_DEV_HOST || false,
    watch: { ignored: ['**/src-tauri/**', '**/target/**', '**/crates/**'] },
  },
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2021',
    sourcemap: false,
    // No inline module-preload polyfill script: the CSP forbids inline scripts.
    modulePreload: { polyfill: false },
    // Never inline assets as data: URLs, so the CSP can stay strict.
    assetsInlineLimit: 0,
  },
  test: {
    root: uiRoot,
    include: ['src/**/*.test.ts'],
    environment: 'jsdom',
  },
});

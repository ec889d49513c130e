/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { outputNames } from './scripts/output-names.ts';

const devApi = 'http://127.0.0.1:5080';

// The host registers dist/ as ASP.NET Core static web assets (docs/adr/0005-static-assets.md): every file name is
// "<unique name>-<hash>.<ext>" so that the SDK can take the hash as the fingerprint, and the names left after removing
// the hash must differ even ignoring case (two lazy pages may both produce an "index" or an "Input" chunk).
const names = outputNames();

const checkNames: Plugin = {
  name: 'cw-unique-asset-names',
  renderStart() {
    names.reset();
  },
  generateBundle(_options, bundle) {
    const clash = names.findClash(Object.keys(bundle));
    if (clash) this.error(`two output files differ only by their hash or letter case: ${clash.join(', ')}`);
  },
};

export default defineConfig({
  plugins: [react(), checkNames],
  server: {
    proxy: {
      '/api': devApi,
      '/swagger': devApi,
      '/health': devApi,
    },
  },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: {
        entryFileNames: (chunk) => names.chunk(chunk),
        chunkFileNames: (chunk) => names.chunk(chunk),
        assetFileNames: (asset) => names.asset(asset),
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
  },
});

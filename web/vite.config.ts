import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The console is built into its host's wwwroot (web/host), which the gateway serves at `/`.
// `npm run dev` proxies the API and sign-in to a running suite (./platform run), so pages and API share an origin.
const gateway = process.env.services__gateway__http__0 ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [vue()],
  build: {
    outDir: 'host/wwwroot',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // Libraries change less often than the console: their own chunks stay cached between releases.
        manualChunks: (id) =>
          id.includes('maplibre-gl') ? 'maplibre' : id.includes('echarts') || id.includes('zrender') ? 'echarts' : id.includes('element-plus') ? 'element-plus' : undefined,
      },
    },
  },
  server: {
    proxy: Object.fromEntries(['/api', '/connect', '/.well-known'].map((path) => [path, { target: gateway, changeOrigin: false }])),
  },
});

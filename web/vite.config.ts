import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';

// The console is built into its host's wwwroot (web/host), which the gateway serves at `/`.
// `npm run dev` proxies the API and sign-in to a running suite (./platform run), so pages and API share an origin.
const gateway = process.env.services__gateway__http__0 ?? 'http://localhost:8080';

/**
 * The phone app's service worker (/m/sw.js): src/phone/sw-template.js with the list of every file the phone entry
 * loads, found by walking its chunks' static and lazy imports and their styles (none of the console's; not the map), the
 * manifest and icons; its version is their hash, so a release replaces the kept files.
 */
function phoneServiceWorker(): Plugin {
  return {
    name: 'platform-phone-service-worker',
    apply: 'build',
    generateBundle(_, bundle) {
      const entry = Object.values(bundle).find((f) => f.type === 'chunk' && f.isEntry && f.facadeModuleId?.endsWith('/m/index.html'));
      if (!entry || entry.type !== 'chunk') this.error('the phone entry (m/index.html) is not in the build');
      const files = new Set<string>([
        '/m/index.html',
        '/m/manifest.webmanifest',
        '/m/icons/icon-192.png',
        '/m/icons/icon-512.png',
        '/m/icons/maskable-512.png',
      ]);
      // The map's library (~300 KB compressed) is kept when first used, not at install: a phone on a weak signal
      // installs the app without it (the worker keeps it after the first map).
      const walk = (name: string) => {
        const chunk = bundle[name];
        if (!chunk || files.has(`/${name}`)) return;
        files.add(`/${name}`);
        if (chunk.type !== 'chunk') return;
        chunk.viteMetadata?.importedCss.forEach((css) => files.add(`/${css}`));
        chunk.viteMetadata?.importedAssets.forEach((asset) => files.add(`/${asset}`));
        [...chunk.imports, ...chunk.dynamicImports].forEach(walk);
      };
      walk(entry.fileName);
      const list = [...files].filter((file) => !file.includes('maplibre')).sort();
      const version = createHash('sha256').update(list.join('\n')).digest('hex').slice(0, 12);
      const template = readFileSync(new URL('./src/phone/sw-template.js', import.meta.url), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'm/sw.js',
        source: template.replace('__VERSION__', version).replace('__FILES__', JSON.stringify(list, null, 2)),
      });
    },
  };
}

/**
 * Vant's icon font names a copy on a public CDN after its inline one: the browser never needs it, and the page's
 * content security policy refuses it with an error in the console. The reference is taken out.
 */
function vantIconsFromThisOrigin(): Plugin {
  return {
    name: 'platform-vant-icons-from-this-origin',
    transform(code, id) {
      if (!id.includes('vant/es/icon/index.css')) return null;
      return { code: code.replace(/,\s*url\((?:https?:)?\/\/at\.alicdn\.com[^)]*\)\s*format\("[^"]*"\)/g, ''), map: null };
    },
  };
}

export default defineConfig({
  plugins: [vue(), phoneServiceWorker(), vantIconsFromThisOrigin()],
  build: {
    outDir: 'host/wwwroot',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // The desk console at /, the phone app at /m/: one code base, two entries with their own first downloads.
      input: { console: 'index.html', phone: 'm/index.html' },
      output: {
        // Libraries in chunks of their own (they change less often: cached between releases); Vue first, so the phone entry shares it with the console and never
        // loads the console's libraries (a group takes in the modules it needs that no higher group claims).
        codeSplitting: {
          groups: [
            { name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router)[\\/]/, priority: 40 },
            { name: 'maplibre', test: /maplibre-gl/, priority: 30 },
            { name: 'echarts', test: /echarts|zrender/, priority: 30 },
            { name: 'element-plus', test: /element-plus/, priority: 20 },
          ],
        },
      },
    },
  },
  server: {
    proxy: Object.fromEntries(['/api', '/connect', '/.well-known'].map((path) => [path, { target: gateway, changeOrigin: false }])),
  },
});

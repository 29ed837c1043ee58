import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { API_PRELOAD_SCRIPT } from './server/lib/page-scripts.ts';

/**
 * The diary is the page people land on (links to a week or a slot), so index.html preloads its
 * lazy chunk (and that chunk's own chunks and CSS): they download alongside the entry script
 * instead of after it has run, and before the API requests keep the server busy. The route
 * stays `lazy` in src/app/router.tsx; the other pages are still fetched on first use.
 */
function preloadRoutes(entries: string[]): Plugin {
  return {
    name: 'workdiary:preload-routes',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const files = new Set<string>();
        const css = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = bundle[fileName];
          if (!chunk || chunk.type !== 'chunk' || files.has(fileName)) return;
          files.add(fileName);
          chunk.viteMetadata?.importedCss.forEach((c) => css.add(c));
          chunk.imports.forEach(visit);
        };
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk' && chunk.facadeModuleId && entries.some((e) => chunk.facadeModuleId!.endsWith(e))) visit(chunk.fileName);
        }
        const tags: HtmlTagDescriptor[] = [];
        for (const file of files) {
          if (!html.includes(`/${file}"`)) tags.push({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' });
        }
        for (const file of css) {
          if (!html.includes(`/${file}"`)) tags.push({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `/${file}` }, injectTo: 'head' });
        }
        return { html, tags };
      },
    },
  };
}

/** Puts API_PRELOAD_SCRIPT (server/lib/page-scripts.ts) into index.html, after the title. */
function preloadApi(): Plugin {
  return {
    name: 'workdiary:preload-api',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace('</title>', () => `</title>\n    <script>${API_PRELOAD_SCRIPT}</script>`),
    },
  };
}

/**
 * Writes a brotli (.br) and a gzip (.gz) copy of every built script, style sheet and SVG, at
 * the highest levels: the server sends those as they are instead of compressing per request.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'workdiary:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      for (const file of walk(outDir)) {
        if (!/\.(js|css|svg)$/.test(file)) continue;
        const bytes = fs.readFileSync(file);
        if (bytes.length < 1024) continue;
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

/**
 * Packs the tracker/ workspace (`npm pack`) into dist/downloads/workdiary-tracker.tgz, which
 * the server hands out (server/routes/downloads.ts): contractors install the tracker from the
 * server they upload to, never from a registry name someone else could claim.
 */
function packTracker(): Plugin {
  let root = '.';
  let outDir = 'dist';
  return {
    name: 'workdiary:pack-tracker',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const dest = path.join(outDir, 'downloads');
      fs.mkdirSync(dest, { recursive: true });
      // Packed aside, then renamed into place: a running server never reads half a file.
      const tmp = fs.mkdtempSync(path.join(outDir, '.pack-'));
      const out = execFileSync('npm', ['pack', '--workspace', 'tracker', '--pack-destination', tmp, '--json', '--silent'], {
        cwd: root,
        encoding: 'utf8',
        shell: process.platform === 'win32',
      });
      // npm names the file after the version; the download's address stays the same.
      const [{ filename }] = JSON.parse(out) as { filename: string }[];
      fs.renameSync(path.join(tmp, filename), path.join(dest, 'workdiary-tracker.tgz'));
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

// The dashboard. In development `/api` goes to the API server on port 3000; in production the
// API server serves `dist/` itself, so the SPA and the API share one origin (cookies just work).
// WORKDIARY_API_URL points the proxy at another API server.
const api = { '/api': { target: process.env.WORKDIARY_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false } };

export default defineConfig({
  plugins: [react(), preloadRoutes(['/src/app/routes/app/diary.tsx']), preloadApi(), precompress(), packTracker()],
  server: { port: 5173, strictPort: false, proxy: api },
  preview: { port: 4173, proxy: api },
  build: {
    target: 'es2022',
    outDir: 'dist',
    assetsInlineLimit: 2048,
    // The dashboard's shared code in one chunk, not a dozen of a few hundred bytes each: over
    // HTTP/1.1 a browser opens six connections per host, and every file of the first load
    // queues the page's API calls (preloaded in index.html) behind it.
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Shared pieces that only pages after the first screen use (the admin lists, the copy
          // field of trackers and webhooks, the sign-in card, the audit wording) stay out of it.
          groups: [
            {
              name: 'shared',
              test: /[\\/]src[\\/](?!components[\\/]ui[\\/](query-list|copy-field|public-card)|utils[\\/]audit-format)(components|config|hooks|lib|utils|app[\\/]routes[\\/](route-error-boundary|app[\\/]contract-week))[\\/.]/,
            },
          ],
        },
      },
    },
  },
});

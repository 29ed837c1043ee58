// `npm start`: builds the dashboard (and packs the tracker) when the build is missing or older
// than its sources, then starts the server (API + dashboard) on the embedded database with demo data.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(p)) {
    if (e === 'node_modules' || e.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, e)));
  }
  return newest;
}

// The build also packs the tracker (vite.config.ts), which the server hands to contractors.
const outputs = ['index.html', 'downloads/workdiary-tracker.tgz'].map((p) => path.join(root, 'dist', p));
const sources = ['src', 'contract', 'tracker', 'index.html', 'vite.config.ts', 'public'].map((p) => path.join(root, p)).filter((p) => fs.existsSync(p));
const stale = !outputs.every((p) => fs.existsSync(p)) || Math.max(...sources.map(newestMtime)) > Math.min(...outputs.map((p) => fs.statSync(p).mtimeMs));

/**
 * Builds with Vite's API, counting the dashboard's own modules as Vite transforms them against
 * the source files there are (tests aside), so the first start shows how far the build is. Runs
 * in a child process of its own (`--build`), so the server's parent keeps none of Vite's memory.
 */
async function buildDashboard() {
  const { progressReporter } = await tsImport('../server/demo/progress.ts', import.meta.url);
  const { build } = await import('vite');
  const progress = progressReporter();
  const label = 'Building the dashboard';
  const own = ['src', 'contract'].map((d) => path.join(root, d) + path.sep);
  const isOwn = (id) => own.some((d) => id.startsWith(d)) && !/[\\/]__tests__[\\/]|\.test\.tsx?$/.test(id);
  const total = own.flatMap((d) => fs.readdirSync(d, { recursive: true }).map((f) => path.join(d, String(f)))).filter((f) => /\.(tsx?|css)$/.test(f) && isOwn(f)).length;
  const seen = new Set();
  progress(label, 0, total);
  const counter = {
    name: 'workdiary:build-progress',
    transform(_code, id) {
      const file = id.split('?')[0];
      if (!isOwn(file) || seen.has(file)) return;
      seen.add(file);
      progress(label, Math.min(seen.size, total - 1), total);
    },
    buildEnd: () => progress(label, total, total),
    // Writing, then compressing every file at the highest levels (vite.config.ts): no count to show
    writeBundle: () => console.log('Writing and compressing the dashboard…'),
  };
  await build({ root, logLevel: 'warn', plugins: [counter] });
  console.log('Dashboard built.');
}

if (process.argv[2] === '--build') {
  await buildDashboard();
  process.exit(0);
}
if (stale) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server', 'main.ts')], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));

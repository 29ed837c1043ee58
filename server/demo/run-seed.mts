// Seeds the demo into a data folder and reports how long it took and how big it is.
//   npx tsx server/demo/run-seed.mts <dir>            (clock: WORKDIARY_NOW, or the real time)
//   WORKDIARY_NOW=2026-03-04T15:07:00Z npx tsx server/demo/run-seed.mts /tmp/demo-data
import fs from 'node:fs';
import path from 'node:path';
import { fixedClock, runningClock } from '../clock.ts';
import { openDatabase } from '../db/client.ts';
import { diskBlobStore } from '../storage/blob-store.ts';
import { seedDemo } from './seed.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npx tsx server/demo/run-seed.mts <data dir>   (WORKDIARY_NOW=<ISO instant> to set the clock)');
  process.exit(2);
}

function du(p: string): number {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.blocks * 512;
  let total = st.blocks * 512;
  for (const f of fs.readdirSync(p)) total += du(path.join(p, f));
  return total;
}
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

const now = process.env.WORKDIARY_NOW;
const clock = now ? fixedClock(now) : runningClock();
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const database = await openDatabase({ dataDir: dir });
const tOpen = performance.now();
const blobs = diskBlobStore(path.join(dir, 'blobs'));
const result = await seedDemo(database, blobs, clock, (m) => console.log(m));
const tSeed = performance.now();
const cpu = process.cpuUsage(cpu0);
const [counts] = await database.query<{ slots: number; shots: number; dups: number; idle: number; manual: number }>(
  `select count(*)::int as slots,
          (select count(*)::int from screenshots) as shots,
          count(*) filter (where duplicate)::int as dups,
          count(*) filter (where kind = 'tracked' and active_minutes = 0)::int as idle,
          count(*) filter (where kind = 'manual')::int as manual
     from slots`,
);
await database.close();
const tClose = performance.now();

console.log(`clock        ${clock.now().toISOString()}`);
console.log(`result       firstRun=${result.firstRun} slotsAdded=${result.slotsAdded} seededUntil=${result.seededUntil.toISOString()}`);
console.log(`rows         ${counts!.slots} slots (${counts!.manual} manual, ${counts!.idle} idle, ${counts!.dups} duplicate), ${counts!.shots} screenshots`);
console.log(`time         open ${((tOpen - t0) / 1000).toFixed(1)} s, seed ${((tSeed - tOpen) / 1000).toFixed(1)} s, close ${((tClose - tSeed) / 1000).toFixed(1)} s, total ${((tClose - t0) / 1000).toFixed(1)} s`);
console.log(`cpu          ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU for open + seed (all threads)`);
console.log(`size         ${mb(du(dir))} total: database ${mb(du(path.join(dir, 'pglite')))}, blobs ${mb(du(path.join(dir, 'blobs')))}`);

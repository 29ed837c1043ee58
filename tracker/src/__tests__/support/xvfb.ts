// A virtual X screen for the tracker's tests: Xvfb with the RECORD extension (which the
// input hook needs), on a display number nobody uses. Under CI=true a missing Xvfb, xdotool
// or xmessage fails the run; elsewhere the tests that need them are skipped with a message.
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

export const xvfbMissing: string | null = ['Xvfb', 'xdotool', 'xmessage'].find((c) => !has(c)) ?? null;

if (xvfbMissing) {
  const msg = `${xvfbMissing} is not installed (apt-get install -y xvfb xdotool x11-utils): the tracker's tests under Xvfb are skipped.`;
  if (process.env.CI === 'true') throw new Error(`CI=true: ${msg.replace('are skipped', 'cannot run')}`);
  console.warn(msg);
}

export interface VirtualScreen {
  display: string;
  env: NodeJS.ProcessEnv;
  /** Runs an X client (xdotool …) on this screen and returns its output. */
  run(cmd: string, args: string[]): Promise<string>;
  /** Opens an xmessage window with this title at x,y (w×h), focused; resolves once it is. */
  openWindow(title: string, geometry: { x: number; y: number; width: number; height: number }): Promise<void>;
  stop(): Promise<void>;
}

export async function startXvfb(width = 1600, height = 900): Promise<VirtualScreen> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const n = 100 + Math.floor(Math.random() * 800);
    if (fs.existsSync(`/tmp/.X${n}-lock`) || fs.existsSync(`/tmp/.X11-unix/X${n}`)) continue;
    const display = `:${n}`;
    const child: ChildProcess = spawn('Xvfb', [display, '-screen', '0', `${width}x${height}x24`, '+extension', 'RECORD', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    let exited = false;
    const gone = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
    const until = Date.now() + 10_000;
    while (!exited && !fs.existsSync(`/tmp/.X11-unix/X${n}`) && Date.now() < until) await new Promise((r) => setTimeout(r, 30));
    if (exited) continue; // lost a race for the display number
    if (!fs.existsSync(`/tmp/.X11-unix/X${n}`)) {
      child.kill('SIGKILL');
      throw new Error(`Xvfb ${display} did not start: ${err}`);
    }
    const env = { ...process.env, DISPLAY: display };
    const windows: ChildProcess[] = [];
    const run = (cmd: string, args: string[]) =>
      new Promise<string>((resolve, reject) =>
        execFile(cmd, args, { env, timeout: 10_000 }, (e, stdout, stderr) => (e ? reject(new Error(`${cmd} ${args.join(' ')}: ${stderr || e.message}`)) : resolve(stdout))),
      );
    return {
      display,
      env,
      run,
      async openWindow(title, g) {
        windows.push(spawn('xmessage', ['-title', title, '-geometry', `${g.width}x${g.height}+${g.x}+${g.y}`, ' '], { env, stdio: 'ignore' }));
        // No window manager: focus does not follow, so it is given to the window.
        const until = Date.now() + 10_000;
        let id = '';
        while (!id && Date.now() < until) id = (await run('xdotool', ['search', '--name', title]).catch(() => '')).trim().split('\n')[0] ?? '';
        if (!id) throw new Error(`the window "${title}" did not appear`);
        await run('xdotool', ['windowfocus', '--sync', id]);
      },
      async stop() {
        for (const w of windows) w.kill('SIGTERM');
        child.kill('SIGTERM');
        await gone;
      },
    };
  }
  throw new Error('no free X display number found');
}

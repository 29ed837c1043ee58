// `npm run admin` as an operator runs it, for tests: one process with tsx's loader in it (tsx's
// own CLI would run the script in a child that a kill does not reach), its output collected.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface AdminRun {
  /** null when it was killed */
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runAdmin(args: string[], env: NodeJS.ProcessEnv, opts: { stdin?: string; started?: (child: ChildProcess) => void } = {}): Promise<AdminRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.stdin ?? '');
    opts.started?.(child);
  });
}

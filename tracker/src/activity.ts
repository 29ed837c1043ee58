// Keyboard and mouse activity from a global input hook (uiohook-napi): key presses, mouse
// presses, moves and wheel turns. Only that an event happened is kept: never which key,
// never where. The tracker counts them into the slot's minutes (slots.ts).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import type { InputKind } from './slots.ts';

export interface InputSource {
  start(onInput: (kind: InputKind) => void): void;
  stop(): void;
}

/**
 * libuiohook aborts the whole process when it cannot open the display (no DISPLAY, no
 * RECORD extension), which no try/catch can stop. So it is tried first in a child process,
 * and the tracker explains instead of dying. Returns null when the hook works.
 */
export function probeInputHook(env: NodeJS.ProcessEnv = process.env): string | null {
  if (process.platform === 'linux' && !env.DISPLAY) {
    return 'No X display (DISPLAY is not set): the tracker needs an X11 session (or XWayland) to count keyboard and mouse activity.';
  }
  const require = createRequire(import.meta.url);
  const script = `const { uIOhook } = require(${JSON.stringify(require.resolve('uiohook-napi'))}); uIOhook.start(); setTimeout(() => { uIOhook.stop(); process.exit(0); }, 150);`;
  const r = spawnSync(process.execPath, ['-e', script], { env, encoding: 'utf8', timeout: 15_000 });
  if (r.status === 0) return null;
  const why = (r.stderr || r.error?.message || `exit ${r.status ?? r.signal}`).trim().split('\n').slice(-3).join(' ');
  return `The global input hook (uiohook-napi) cannot start: ${why}. On Linux it needs an X11 display with the RECORD extension; on macOS, grant Accessibility access to your terminal.`;
}

export function uiohookInput(): InputSource {
  let hook: typeof import('uiohook-napi').uIOhook | null = null;
  return {
    start(onInput) {
      const require = createRequire(import.meta.url);
      const { uIOhook } = require('uiohook-napi') as typeof import('uiohook-napi');
      hook = uIOhook;
      uIOhook.on('keydown', () => onInput('keyboard'));
      uIOhook.on('mousedown', () => onInput('mouse'));
      uIOhook.on('mousemove', () => onInput('mouse'));
      uIOhook.on('wheel', () => onInput('mouse'));
      uIOhook.start();
    },
    stop() {
      if (!hook) return;
      hook.removeAllListeners();
      hook.stop();
      hook = null;
    },
  };
}

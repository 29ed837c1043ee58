// The active window's title. Under X11 it asks xdotool: node-screenshots' Window.all()
// needs a window manager's _NET_CLIENT_LIST_STACKING and fails without one. Any failure
// (no xdotool, no focused window, Wayland) gives '' and never stops the tracker.
import { execFile } from 'node:child_process';

const MAX_TITLE = 500;

/**
 * Text the server accepts: without NUL (PostgreSQL cannot store it) and with any unpaired
 * surrogate (a Windows title can hold one) made U+FFFD, since the server refuses both and a
 * refused upload would lose the slot. Then cut to `max` UTF-16 units (the server's limit)
 * without splitting a surrogate pair.
 */
export function clip(text: string, max: number): string {
  const s = text.replace(/\0/g, '').replace(/\p{Surrogate}/gu, '\uFFFD');
  if (s.length <= max) return s;
  let out = s.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(out)) out = out.slice(0, -1);
  return out;
}

function xdotoolTitle(env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve) => {
    execFile('xdotool', ['getwindowfocus', 'getwindowname'], { env, timeout: 2000, encoding: 'utf8' }, (err, stdout) => {
      resolve(err ? '' : stdout.replace(/\r?\n$/, ''));
    });
  });
}

async function focusedWindowTitle(): Promise<string> {
  try {
    const { Window } = await import('node-screenshots');
    return Window.all().find((w) => w.isFocused())?.title() ?? '';
  } catch {
    return '';
  }
}

export type WindowTitle = () => Promise<string>;

export function windowTitleReader(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): WindowTitle {
  return async () => {
    const title = platform === 'linux' ? (env.DISPLAY ? await xdotoolTitle(env) : '') : await focusedWindowTitle();
    return clip(title.trim(), MAX_TITLE);
  };
}

// The operating systems the demo contractors work on: the bar with its clock, window title
// bars, and the lock screen an idle computer falls to.
import { avatar, type Box, circle, doc, group, icon, linearGradient, path, rect, SANS, text } from './svg.ts';

export type Os = 'linux' | 'mac' | 'windows';

export const SCREEN_W = 1600;
export const SCREEN_H = 900;

export interface LocalTime {
  year: number;
  month: number; // 0-11
  day: number;
  dow: number; // 0 = Sunday
  hour: number;
  minute: number;
}

export interface Overlay {
  svg: string;
  left: number;
  top: number;
}

const DOW = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DOW_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MON_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const p2 = (n: number) => String(n).padStart(2, '0');
const h12 = (h: number) => `${h % 12 === 0 ? 12 : h % 12}`;

// ---------------------------------------------------------------------------------------------
// Desktop bars

export interface Desktop {
  /** The bar(s), drawn in screen coordinates; the app window fills `area`. */
  chrome: string;
  area: Box;
  /** The clock, in parts (date, time) so that the rendered parts can be reused. */
  clock(t: LocalTime): Overlay[];
}

function dockIcon(x: number, y: number, s: number, color: string, glyph: string, active = false): string {
  return (
    rect(x, y, s, s, color, { rx: s * 0.22 }) +
    icon(glyph, x + s * 0.25, y + s * 0.25, '#fff', s * 0.5) +
    (active ? circle(x - 7, y + s / 2, 2.5, '#f0f0f0') : '')
  );
}

export function desktop(os: Os, activeApp: string, appMenus: readonly string[] = []): Desktop {
  if (os === 'linux') {
    const barH = 32;
    const dockW = 64;
    let chrome = rect(0, 0, SCREEN_W, barH, '#121212');
    chrome += rect(10, 6, 86, 20, '#2f2f2f', { rx: 10 }) + text(53, 21, 'Activities', { size: 13, fill: '#f2f2f2', anchor: 'middle' });
    chrome += text(112, 21, activeApp, { size: 13, fill: '#f2f2f2', weight: 'bold' });
    chrome += icon('wifi', 1478, 8, '#f2f2f2') + icon('volume', 1504, 8, '#f2f2f2') + icon('battery', 1530, 8, '#f2f2f2') + icon('power', 1568, 8, '#f2f2f2');
    chrome += text(1458, 21, 'EN', { size: 11, fill: '#f2f2f2', anchor: 'end' });
    // The Ubuntu dock
    chrome += rect(0, barH, dockW, SCREEN_H - barH, '#252525');
    const apps: [string, string, string][] = [
      ['Google Chrome', '#3b82f6', 'reload'],
      ['Files', '#8a6d3b', 'files'],
      ['Visual Studio Code', '#1f8ad2', 'ext'],
      ['Terminal', '#3d3d3d', 'terminal'],
      ['Slack', '#611f69', 'hash'],
      ['Settings', '#6d6d6d', 'gear'],
    ];
    apps.forEach(([name, color, glyph], i) => {
      chrome += dockIcon(12, barH + 14 + i * 56, 40, color, glyph, activeApp.startsWith(name.split(' ')[0]!));
    });
    chrome += group(
      [0, 1, 2].map((r0) => [0, 1, 2].map((c) => rect(22 + c * 8, SCREEN_H - 46 + r0 * 8, 4, 4, '#d0d0d0', { rx: 1 })).join('')).join(''),
    );
    return {
      chrome,
      area: { x: dockW, y: barH, w: SCREEN_W - dockW, h: SCREEN_H - barH },
      clock: (t) => [
        { left: 690, top: 0, svg: doc(100, barH, text(100, 21, `${MON[t.month]} ${t.day}`, { size: 13, fill: '#f2f2f2', anchor: 'end', weight: 'bold' })) },
        { left: 799, top: 0, svg: doc(56, barH, text(0, 21, `${p2(t.hour)}:${p2(t.minute)}`, { size: 13, fill: '#f2f2f2', weight: 'bold' })) },
      ],
    };
  }
  if (os === 'mac') {
    const barH = 25;
    let chrome = rect(0, 0, SCREEN_W, barH, '#dcdde3');
    chrome += appleLogo(18, 5, '#111');
    let x = 46;
    chrome += text(x, 17, activeApp, { size: 13, fill: '#111', weight: 'bold' });
    x += activeApp.length * 8.6 + 20;
    for (const m of appMenus.length ? appMenus : ['File', 'Edit', 'View', 'Window', 'Help']) {
      chrome += text(x, 17, m, { size: 13, fill: '#111' });
      x += m.length * 7.6 + 20;
    }
    chrome += icon('battery', 1318, 5, '#111', 15) + icon('wifi', 1344, 5, '#111', 15) + icon('search', 1370, 5, '#111', 14);
    chrome += group(rect(0, 0, 14, 5, 'none', { rx: 2.5, stroke: '#111', sw: 1.3 }) + circle(4, 2.5, 1.5, '#111') + rect(0, 8, 14, 5, 'none', { rx: 2.5, stroke: '#111', sw: 1.3 }) + circle(10, 10.5, 1.5, '#111'), 'translate(1395,6)');
    return {
      chrome,
      area: { x: 0, y: barH, w: SCREEN_W, h: SCREEN_H - barH },
      clock: (t) => [
        { left: 1396, top: 0, svg: doc(120, barH, text(120, 17, `${DOW[t.dow]} ${MON[t.month]} ${t.day}`, { size: 13, fill: '#111', anchor: 'end' })) },
        { left: 1520, top: 0, svg: doc(76, barH, text(72, 17, `${h12(t.hour)}:${p2(t.minute)} ${t.hour < 12 ? 'AM' : 'PM'}`, { size: 13, fill: '#111', anchor: 'end' })) },
      ],
    };
  }
  // Windows 11, light taskbar at the bottom
  const barH = 48;
  const y0 = SCREEN_H - barH;
  let chrome = rect(0, y0, SCREEN_W, barH, '#eef1f6') + rect(0, y0, SCREEN_W, 1, '#d5d9e0');
  const icons: [string, string][] = [
    ['win', '#0a66d8'],
    ['search', '#333'],
    ['files', '#e8a317'],
    ['reload', '#1a73e8'],
    ['ext', '#2470c9'],
    ['mail', '#0f6cbd'],
    ['terminal', '#2d2d2d'],
    ['word', '#185abd'],
  ];
  const startX = 800 - (icons.length * 44) / 2;
  icons.forEach(([k, color], i) => {
    const ix = startX + i * 44;
    if (k === 'win') {
      chrome += [0, 1].map((a) => [0, 1].map((b) => rect(ix + 12 + a * 11, y0 + 13 + b * 11, 10, 10, color)).join('')).join('');
    } else if (k === 'search') {
      chrome += icon('search', ix + 12, y0 + 14, color, 20);
    } else if (k === 'word') {
      chrome += rect(ix + 10, y0 + 12, 24, 24, color, { rx: 4 }) + text(ix + 22, y0 + 30, 'W', { size: 15, fill: '#fff', anchor: 'middle', weight: 'bold' });
    } else {
      chrome += rect(ix + 10, y0 + 12, 24, 24, color, { rx: 5 }) + icon(k, ix + 14, y0 + 16, '#fff', 16);
    }
    if (activeApp.toLowerCase().includes(k === 'word' ? 'word' : k === 'ext' ? 'code' : k === 'reload' ? 'chrome' : k === 'terminal' ? 'terminal' : k === 'mail' ? 'outlook' : '###')) {
      chrome += rect(ix + 16, y0 + 43, 12, 3, '#0a66d8', { rx: 1.5 });
    }
  });
  chrome += icon('chevron', 1330, y0 + 16, '#333') + icon('wifi', 1360, y0 + 16, '#333') + icon('volume', 1386, y0 + 16, '#333') + icon('battery', 1412, y0 + 16, '#333');
  chrome += text(1446, y0 + 29, 'ENG', { size: 11, fill: '#222', anchor: 'middle' });
  return {
    chrome,
    area: { x: 0, y: 0, w: SCREEN_W, h: y0 },
    clock: (t) => [
      { left: 1496, top: y0 + 4, svg: doc(50, 20, text(25, 16, `${p2(t.hour)}:${p2(t.minute)}`, { size: 12, fill: '#1b1b1b', anchor: 'middle' })) },
      { left: 1466, top: y0 + 21, svg: doc(110, 20, text(55, 16, `${p2(t.day)}/${p2(t.month + 1)}/${t.year}`, { size: 12, fill: '#1b1b1b', anchor: 'middle' })) },
    ],
  };
}

function appleLogo(x: number, y: number, color: string): string {
  return group(
    path('M8.6 3.3c.5-.6.9-1.5.8-2.3-.8 0-1.7.5-2.2 1.1-.5.5-.9 1.4-.8 2.2.9.1 1.7-.4 2.2-1z', color) +
      path('M9.4 4.5c-1.2-.1-2.2.7-2.8.7-.6 0-1.5-.6-2.4-.6C3 4.6 1.8 5.4 1.2 6.6c-1.3 2.2-.3 5.6.9 7.4.6.9 1.3 1.9 2.3 1.8.9 0 1.3-.6 2.4-.6s1.4.6 2.4.6c1 0 1.6-.9 2.2-1.8.7-1 1-2 1-2.1 0 0-1.9-.7-1.9-2.9 0-1.8 1.5-2.7 1.6-2.7-.9-1.3-2.2-1.4-2.7-1.5z', color),
    `translate(${x},${y}) scale(0.95)`,
  );
}

// ---------------------------------------------------------------------------------------------
// Window title bars

export interface WindowBar {
  svg: string;
  inner: Box;
}

export function windowBar(os: Os, box: Box, title: string, dark = false, extra = ''): WindowBar {
  const fg = dark ? '#d8d8d8' : '#2b2b2b';
  if (os === 'mac') {
    const h = 28;
    const svg =
      rect(box.x, box.y, box.w, h, dark ? '#2c2c2e' : '#e8e8e8') +
      rect(box.x, box.y + h - 1, box.w, 1, dark ? '#1b1b1b' : '#cfcfcf') +
      trafficLights(box.x + 14, box.y + 14) +
      text(box.x + box.w / 2, box.y + 18, title, { size: 13, fill: fg, anchor: 'middle', weight: 'bold' }) +
      extra;
    return { svg, inner: { x: box.x, y: box.y + h, w: box.w, h: box.h - h } };
  }
  if (os === 'windows') {
    const h = 32;
    const bg = dark ? '#202020' : '#f3f3f3';
    const svg =
      rect(box.x, box.y, box.w, h, bg) +
      text(box.x + 40, box.y + 21, title, { size: 12, fill: fg }) +
      windowsButtons(box.x + box.w, box.y, fg) +
      extra;
    return { svg, inner: { x: box.x, y: box.y + h, w: box.w, h: box.h - h } };
  }
  const h = 38;
  const svg =
    rect(box.x, box.y, box.w, h, dark ? '#303030' : '#ebebeb') +
    rect(box.x, box.y + h - 1, box.w, 1, dark ? '#1f1f1f' : '#d4d4d4') +
    text(box.x + box.w / 2, box.y + 24, title, { size: 13, fill: fg, anchor: 'middle', weight: 'bold' }) +
    gnomeButtons(box.x + box.w, box.y + 19, dark) +
    extra;
  return { svg, inner: { x: box.x, y: box.y + h, w: box.w, h: box.h - h } };
}

export function trafficLights(x: number, cy: number): string {
  return circle(x + 6, cy, 6, '#ff5f57') + circle(x + 26, cy, 6, '#febc2e') + circle(x + 46, cy, 6, '#28c840');
}

export function windowsButtons(right: number, y: number, fg: string): string {
  return (
    icon('min', right - 46 * 3 + 16, y + 8, fg, 14) + icon('max', right - 46 * 2 + 16, y + 8, fg, 14) + icon('close', right - 46 + 16, y + 8, fg, 14)
  );
}

export function gnomeButtons(right: number, cy: number, dark = false): string {
  const bg = dark ? '#454545' : '#dadada';
  const fg = dark ? '#eee' : '#333';
  return (
    circle(right - 86, cy, 11, bg) +
    icon('min', right - 93, cy - 7, fg, 14) +
    circle(right - 56, cy, 11, bg) +
    icon('max', right - 63, cy - 7, fg, 14) +
    circle(right - 26, cy, 11, bg) +
    icon('close', right - 33, cy - 7, fg, 14)
  );
}

/** Window controls for apps that draw their own title bar (VS Code, Chrome). */
export function controls(os: Os, box: Box, cy: number, dark: boolean): string {
  if (os === 'mac') return trafficLights(box.x + 14, cy);
  if (os === 'windows') return windowsButtons(box.x + box.w, cy - 16, dark ? '#ddd' : '#333');
  return gnomeButtons(box.x + box.w, cy, dark);
}

// ---------------------------------------------------------------------------------------------
// Lock screens: what an idle computer shows after a few minutes.

export function lockScreen(os: Os, userName: string): { svg: string; clock(t: LocalTime): Overlay[] } {
  const W = SCREEN_W;
  const H = SCREEN_H;
  if (os === 'linux') {
    const defs = linearGradient('lk', [[0, '#4a1d3f'], [0.55, '#7a2a4a'], [1, '#e9541f']], 1, 1);
    const body =
      rect(0, 0, W, H, 'url(#lk)') +
      path('M0 640 C 300 560 600 720 900 640 S 1400 560 1600 620 L1600 900 L0 900 Z', '#ffffff', { opacity: 0.06 }) +
      path('M0 720 C 400 660 800 800 1200 720 S 1500 700 1600 710 L1600 900 L0 900 Z', '#000000', { opacity: 0.12 }) +
      rect(0, 0, W, 32, '#000000', { opacity: 0.25 }) +
      icon('wifi', 1504, 8, '#fff') +
      icon('volume', 1530, 8, '#fff') +
      icon('battery', 1556, 8, '#fff') +
      text(W / 2, 840, 'Click or press a key to unlock', { size: 14, fill: '#ffffff', anchor: 'middle', opacity: 0.8 });
    return {
      svg: doc(W, H, body, defs),
      clock: (t) => [
        { left: 600, top: 200, svg: doc(400, 140, text(200, 120, `${p2(t.hour)}:${p2(t.minute)}`, { size: 110, fill: '#ffffff', anchor: 'middle', weight: 'bold' })) },
        { left: 500, top: 345, svg: doc(600, 40, text(300, 30, `${DOW_LONG[t.dow]}, ${MON_LONG[t.month]} ${t.day}`, { size: 26, fill: '#ffffff', anchor: 'middle' })) },
      ],
    };
  }
  if (os === 'mac') {
    const defs =
      linearGradient('lk', [[0, '#1c3f8f'], [0.5, '#6b3fa0'], [1, '#f08a5d']], 1, 1) +
      '<radialGradient id="lk2" cx="0.3" cy="0.8" r="0.6"><stop offset="0" stop-color="#ffd27d" stop-opacity="0.55"/><stop offset="1" stop-color="#ffd27d" stop-opacity="0"/></radialGradient>';
    const body =
      rect(0, 0, W, H, 'url(#lk)') +
      rect(0, 0, W, H, 'url(#lk2)') +
      avatar(W / 2, 700, 38, userName, '#8e8e93') +
      text(W / 2, 770, userName, { size: 17, fill: '#fff', anchor: 'middle', weight: 'bold' }) +
      text(W / 2, 796, 'Touch ID or Enter Password', { size: 13, fill: '#fff', anchor: 'middle', opacity: 0.75 });
    return {
      svg: doc(W, H, body, defs),
      clock: (t) => [
        { left: 500, top: 70, svg: doc(600, 40, text(300, 30, `${DOW_LONG[t.dow]}, ${MON_LONG[t.month]} ${t.day}`, { size: 24, fill: '#ffffff', anchor: 'middle', weight: 'bold' })) },
        { left: 550, top: 110, svg: doc(500, 140, text(250, 120, `${h12(t.hour)}:${p2(t.minute)}`, { size: 120, fill: '#ffffff', anchor: 'middle', weight: 'bold', opacity: 0.92 })) },
      ],
    };
  }
  const defs = linearGradient('lk', [[0, '#0b3d6e'], [0.6, '#1b6fa8'], [1, '#7cc4e8']], 0.3, 1);
  const body =
    rect(0, 0, W, H, 'url(#lk)') +
    path('M0 620 L260 430 L420 560 L640 360 L900 600 L1120 420 L1380 610 L1600 500 L1600 900 L0 900 Z', '#0a2a48', { opacity: 0.55 }) +
    path('M0 720 L300 600 L520 700 L820 560 L1100 720 L1400 620 L1600 700 L1600 900 L0 900 Z', '#061a2e', { opacity: 0.7 }) +
    icon('wifi', 1500, 860, '#fff') +
    icon('battery', 1530, 860, '#fff');
  return {
    svg: doc(W, H, body, defs),
    clock: (t) => [
      { left: 600, top: 90, svg: doc(400, 140, text(200, 120, `${p2(t.hour)}:${p2(t.minute)}`, { size: 110, fill: '#ffffff', anchor: 'middle', family: SANS })) },
      { left: 500, top: 232, svg: doc(600, 40, text(300, 30, `${DOW_LONG[t.dow]}, ${MON_LONG[t.month]} ${t.day}`, { size: 24, fill: '#ffffff', anchor: 'middle' })) },
    ],
  };
}

// A Figma-like design tool: toolbar, layers, canvas with frames, properties.
import { controls, type Os } from './desktop.ts';
import { shotArt } from './apps-web.ts';
import { avatar, type Box, circle, group, icon, line, paragraph, path, rect, SANS, SERIF, text, textWidth, WEB } from './svg.ts';
import type { AppView } from './types.ts';

export type Design = 'landing' | 'onboarding' | 'dashboard' | 'logos' | 'icons' | 'system';

export interface FigmaOpts {
  file: string;
  project: string;
  page: string;
  pages: readonly string[];
  layers: readonly (readonly [string, number, 'frame' | 'group' | 'text' | 'rect' | 'component' | 'image'])[];
  design: Design;
  zoom: string;
  selected: { name: string; w: number; h: number; x: number; y: number; fill: string };
}

const UI = '#2c2c2c';
const BLUE = '#0d99ff';
const NAVY = '#0b1b3f';
const ORANGE = '#ff6b2c';

export function figma(o: FigmaOpts) {
  return (os: Os, area: Box): AppView => {
    const topH = 40;
    const toolH = 48;
    let s = rect(area.x, area.y, area.w, topH, '#1e1e1e');
    // File tabs (desktop app)
    const tabX = area.x + (os === 'mac' ? 84 : 12);
    s += icon('home', tabX, area.y + 12, '#b3b3b3');
    s += rect(tabX + 34, area.y + 4, 240, topH - 4, UI, { rx: 6 });
    s += text(tabX + 48, area.y + 26, o.file, { size: 12, fill: '#ffffff' }) + icon('close', tabX + 250, area.y + 15, '#b3b3b3', 11);
    s += text(tabX + 300, area.y + 26, 'Acme — Brand Guidelines', { size: 12, fill: '#9b9b9b' });
    s += controls(os, area, area.y + topH / 2, true);
    // Toolbar
    const ty = area.y + topH;
    s += rect(area.x, ty, area.w, toolH, UI);
    const tools = ['menu', 'pointer', 'frame', 'rect', 'pen', 'text', 'image', 'hand', 'comment'];
    tools.forEach((t, i) => {
      const tx = area.x + 12 + i * 44;
      if (i === 1) s += rect(tx - 6, ty + 8, 36, 32, BLUE, { rx: 5 });
      s += icon(t, tx + 4, ty + 16, '#ffffff');
    });
    s += text(area.x + area.w / 2, ty + 29, `${o.project} / `, { size: 13, fill: '#b3b3b3', anchor: 'end' }) + text(area.x + area.w / 2, ty + 29, `${o.file}  ⌄`, { size: 13, fill: '#ffffff', weight: 'bold' });
    ['Designer', 'Alice Client', 'Tom Ruiz'].forEach((n, i) => (s += avatar(area.x + area.w - 300 + i * 22, ty + 24, 13, n, ['#9747ff', '#14ae5c', '#f24822'][i]!)));
    s += rect(area.x + area.w - 220, ty + 10, 28, 28, UI) + icon('debug', area.x + area.w - 214, ty + 16, '#fff');
    s += rect(area.x + area.w - 180, ty + 10, 72, 28, BLUE, { rx: 5 }) + text(area.x + area.w - 144, ty + 29, 'Share', { size: 13, fill: '#fff', anchor: 'middle', weight: 'bold' });
    s += text(area.x + area.w - 20, ty + 29, `${o.zoom}  ⌄`, { size: 13, fill: '#fff', anchor: 'end' });
    // Left panel
    const py = ty + toolH;
    const lw = 240;
    const ph = area.y + area.h - py;
    s += rect(area.x, py, lw, ph, '#ffffff') + rect(area.x + lw, py, 1, ph, '#e6e6e6');
    s += text(area.x + 16, py + 26, 'Layers', { size: 12, fill: '#000', weight: 'bold' }) + text(area.x + 80, py + 26, 'Assets', { size: 12, fill: '#8c8c8c' });
    s += rect(area.x, py + 40, lw, 1, '#e6e6e6') + text(area.x + 16, py + 62, 'Pages', { size: 12, fill: '#000', weight: 'bold' }) + icon('plus', area.x + lw - 30, py + 50, '#333', 14);
    o.pages.forEach((p, i) => {
      const yy = py + 74 + i * 28;
      if (p === o.page) s += rect(area.x + 8, yy, lw - 16, 26, '#e5f4ff', { rx: 4 });
      s += text(area.x + 32, yy + 18, p, { size: 12, fill: '#000', weight: p === o.page ? 'bold' : undefined });
    });
    let ly = py + 84 + o.pages.length * 28;
    s += rect(area.x, ly, lw, 1, '#e6e6e6');
    ly += 12;
    for (const [name, depth, kind] of o.layers) {
      if (ly > area.y + area.h - 30) break;
      const lx = area.x + 14 + depth * 16;
      const sel = name === o.selected.name;
      if (sel) s += rect(area.x, ly, lw, 28, '#e5f4ff');
      if (kind === 'frame' || kind === 'group') s += icon('chevron', lx - 2, ly + 8, '#8c8c8c', 11);
      const ic = kind === 'frame' ? 'frame' : kind === 'text' ? 'text' : kind === 'image' ? 'image' : kind === 'component' ? 'ext' : 'rect';
      s += icon(ic, lx + 12, ly + 7, kind === 'component' ? '#9747ff' : '#333', 14);
      s += text(lx + 34, ly + 19, name, { size: 12, fill: kind === 'component' ? '#9747ff' : '#000', weight: kind === 'frame' ? 'bold' : undefined });
      ly += 28;
    }
    // Right panel
    const rw = 240;
    const rx = area.x + area.w - rw;
    s += rect(rx, py, rw, ph, '#ffffff') + rect(rx - 1, py, 1, ph, '#e6e6e6');
    s += text(rx + 16, py + 26, 'Design', { size: 12, fill: '#000', weight: 'bold' }) + text(rx + 80, py + 26, 'Prototype', { size: 12, fill: '#8c8c8c' });
    s += rect(rx, py + 40, rw, 1, '#e6e6e6');
    const field = (x: number, y: number, label: string, value: string, w = 96) =>
      rect(x, y, w, 28, '#f5f5f5', { rx: 4 }) + text(x + 8, y + 19, label, { size: 11, fill: '#8c8c8c' }) + text(x + 26, y + 19, value, { size: 11, fill: '#000' });
    let ry = py + 56;
    s += text(rx + 16, ry + 14, 'Frame', { size: 12, fill: '#000', weight: 'bold' });
    ry += 28;
    s += field(rx + 16, ry, 'X', String(o.selected.x)) + field(rx + 124, ry, 'Y', String(o.selected.y));
    ry += 36;
    s += field(rx + 16, ry, 'W', String(o.selected.w)) + field(rx + 124, ry, 'H', String(o.selected.h));
    ry += 36;
    s += field(rx + 16, ry, '⟲', '0°') + field(rx + 124, ry, '◜', '12');
    ry += 50;
    s += rect(rx, ry, rw, 1, '#e6e6e6');
    ry += 14;
    s += text(rx + 16, ry + 14, 'Auto layout', { size: 12, fill: '#000', weight: 'bold' }) + icon('plus', rx + rw - 30, ry + 2, '#333', 14);
    ry += 40;
    s += rect(rx, ry, rw, 1, '#e6e6e6');
    ry += 14;
    s += text(rx + 16, ry + 14, 'Fill', { size: 12, fill: '#000', weight: 'bold' }) + icon('plus', rx + rw - 30, ry + 2, '#333', 14);
    ry += 28;
    s += rect(rx + 16, ry, 20, 20, o.selected.fill, { rx: 3, stroke: '#d9d9d9' }) + text(rx + 46, ry + 15, o.selected.fill.slice(1).toUpperCase(), { size: 12, fill: '#000' }) + text(rx + 150, ry + 15, '100 %', { size: 12, fill: '#000' });
    ry += 40;
    for (const sec of ['Stroke', 'Effects', 'Layout grid', 'Export']) {
      s += rect(rx, ry, rw, 1, '#e6e6e6') + text(rx + 16, ry + 28, sec, { size: 12, fill: '#000', weight: 'bold' }) + icon('plus', rx + rw - 30, ry + 16, '#333', 14);
      ry += 44;
    }
    s += rect(rx, ry, rw, 1, '#e6e6e6') + text(rx + 16, ry + 28, 'Selection colors', { size: 12, fill: '#000', weight: 'bold' });
    [o.selected.fill, NAVY, ORANGE, '#ffffff', '#64748b'].forEach((c, i) => (s += rect(rx + 16, ry + 44 + i * 28, 20, 20, c, { rx: 3, stroke: '#d9d9d9' }) + text(rx + 46, ry + 59 + i * 28, c.slice(1).toUpperCase(), { size: 12, fill: '#000' })));
    // Canvas
    const viewport = { x: area.x + lw + 1, y: py, w: area.w - lw - rw - 2, h: ph };
    const canvas = DESIGNS[o.design]();
    const sel = o.selected;
    let body = rect(0, 0, canvas.w, canvas.h, '#e5e5e5') + canvas.body;
    body += rect(sel.x, sel.y, sel.w, sel.h, 'none', { stroke: BLUE, sw: 1.5 });
    for (const [hx, hy] of [[sel.x, sel.y], [sel.x + sel.w, sel.y], [sel.x, sel.y + sel.h], [sel.x + sel.w, sel.y + sel.h]] as const) {
      body += rect(hx - 4, hy - 4, 8, 8, '#ffffff', { stroke: BLUE, sw: 1.5 });
    }
    const label = `${sel.w} × ${sel.h}`;
    const lwid = textWidth(label, 11) + 12;
    body += rect(sel.x + sel.w / 2 - lwid / 2, sel.y + sel.h + 8, lwid, 18, BLUE, { rx: 3 }) + text(sel.x + sel.w / 2, sel.y + sel.h + 21, label, { size: 11, fill: '#fff', anchor: 'middle' });
    return {
      chrome: s,
      viewport,
      content: { w: Math.max(canvas.w, viewport.w), h: Math.max(canvas.h, viewport.h), body, bg: '#e5e5e5' },
      cursor: 'arrow',
    };
  };
}

const frameLabel = (x: number, y: number, name: string) => text(x, y - 8, name, { size: 12, fill: '#7a7a7a' });

/** The Acme mark: a stylised arm in a rounded square. */
function acmeMark(x: number, y: number, s: number, bg: string, fg: string, accent: string): string {
  const k = s / 64;
  return group(
    rect(0, 0, 64, 64, bg, { rx: 16 }) +
      path('M16 48 L28 26 L46 18', 'none', { stroke: fg, sw: 7, linecap: 'round', linejoin: 'round' }) +
      circle(16, 48, 6, accent) +
      circle(28, 26, 4.5, fg) +
      circle(46, 18, 4, accent),
    `translate(${x},${y}) scale(${k})`,
  );
}

function robotArt(x: number, y: number, k: number, accent: string): string {
  return group(
    rect(40, 220, 160, 24, '#334155', { rx: 6 }) +
      rect(80, 196, 80, 30, '#475569', { rx: 6 }) +
      circle(120, 192, 18, '#0f172a', { stroke: accent, sw: 4 }) +
      line(120, 192, 84, 100, accent, 20) +
      circle(84, 100, 15, '#0f172a', { stroke: accent, sw: 4 }) +
      line(84, 100, 186, 58, '#e2e8f0', 15) +
      circle(186, 58, 10, '#0f172a', { stroke: '#e2e8f0', sw: 3 }) +
      line(186, 58, 206, 100, '#94a3b8', 8) +
      rect(194, 98, 26, 10, '#94a3b8', { rx: 2 }) +
      rect(196, 192, 40, 30, '#f59e0b', { rx: 3 }),
    `translate(${x},${y}) scale(${k})`,
  );
}

interface Canvas {
  w: number;
  h: number;
  body: string;
}

const DESIGNS: Record<Design, () => Canvas> = {
  landing() {
    let s = '';
    const fx = 120;
    const fy = 100;
    const fw = 880;
    s += frameLabel(fx, fy, 'Desktop — Home v3');
    s += rect(fx, fy, fw, 1460, '#ffffff');
    s += rect(fx, fy, fw, 560, NAVY);
    s += acmeMark(fx + 36, fy + 24, 32, ORANGE, '#fff', NAVY) + text(fx + 78, fy + 46, 'Acme Robotics', { size: 17, fill: '#fff', family: WEB, weight: 'bold' });
    ['Product', 'Solutions', 'Pricing', 'Company'].forEach((t, i) => (s += text(fx + 380 + i * 96, fy + 45, t, { size: 14, fill: '#cbd5e1', family: WEB })));
    s += rect(fx + fw - 150, fy + 24, 116, 36, ORANGE, { rx: 18 }) + text(fx + fw - 92, fy + 47, 'Book a demo', { size: 13, fill: '#fff', anchor: 'middle', family: WEB, weight: 'bold' });
    s += rect(fx + 48, fy + 140, 180, 26, '#1e3a8a', { rx: 13 }) + text(fx + 60, fy + 158, 'NEW  R6 collaborative arm', { size: 11, fill: '#93c5fd', family: WEB, weight: 'bold' });
    s += paragraph(fx + 48, fy + 220, 'Robots that work with your team', 430, { size: 46, fill: '#fff', family: WEB, weight: 'bold', lineHeight: 56 }).svg;
    s += paragraph(fx + 48, fy + 350, 'Teach a task by moving the arm. Acme plans every motion safely around people and parts.', 400, { size: 17, fill: '#cbd5e1', family: WEB, lineHeight: 27 }).svg;
    s += rect(fx + 48, fy + 440, 160, 48, ORANGE, { rx: 24 }) + text(fx + 128, fy + 470, 'Get started', { size: 15, fill: '#fff', anchor: 'middle', family: WEB, weight: 'bold' });
    s += rect(fx + 222, fy + 440, 160, 48, 'none', { rx: 24, stroke: '#64748b', sw: 1.5 }) + text(fx + 302, fy + 470, 'See it move  ▶', { size: 15, fill: '#fff', anchor: 'middle', family: WEB });
    s += rect(fx + 500, fy + 110, 340, 380, '#13264f', { rx: 24 }) + robotArt(fx + 540, fy + 170, 1.2, ORANGE);
    s += text(fx + fw / 2, fy + 620, 'TRUSTED BY TEAMS AT', { size: 11, fill: '#64748b', anchor: 'middle', family: WEB, weight: 'bold' });
    ['NORTHWIND', 'INITECH', 'HOOLI', 'UMBRELLA', 'VANDELAY'].forEach((t, i) => (s += text(fx + 110 + i * 165, fy + 665, t, { size: 18, fill: '#94a3b8', anchor: 'middle', family: WEB, weight: 'bold' })));
    s += text(fx + fw / 2, fy + 770, 'Everything a workcell needs', { size: 32, fill: '#0f172a', anchor: 'middle', family: WEB, weight: 'bold' });
    const feats = [['Teach by demonstration', 'Move the arm by hand; Acme records the path and cleans it up.'], ['Safe around people', 'Collision checks 500 times a second, with force limits on every joint.'], ['Live monitoring', 'Every move streamed to the dashboard, with alerts before faults.']];
    feats.forEach(([t, d], i) => {
      const cx = fx + 48 + i * 268;
      s += rect(cx, fy + 820, 248, 230, '#ffffff', { rx: 16, stroke: '#e2e8f0' }) + rect(cx + 24, fy + 848, 44, 44, '#fff1eb', { rx: 12 }) + icon(['pointer', 'lock', 'chart'][i]!, cx + 34, fy + 858, ORANGE, 24);
      s += text(cx + 24, fy + 930, t!, { size: 17, fill: '#0f172a', family: WEB, weight: 'bold' }) + paragraph(cx + 24, fy + 962, d!, 200, { size: 14, fill: '#475569', family: WEB, lineHeight: 22 }).svg;
    });
    s += rect(fx + 48, fy + 1110, fw - 96, 220, '#fff1eb', { rx: 24 }) + text(fx + 96, fy + 1190, 'Deploy your first cell in a week.', { size: 28, fill: '#0f172a', family: WEB, weight: 'bold' });
    s += rect(fx + 96, fy + 1230, 170, 48, NAVY, { rx: 24 }) + text(fx + 181, fy + 1260, 'Talk to sales', { size: 15, fill: '#fff', anchor: 'middle', family: WEB, weight: 'bold' });
    s += rect(fx, fy + 1380, fw, 80, '#0f172a') + text(fx + 48, fy + 1426, '© Acme Robotics GmbH', { size: 13, fill: '#94a3b8', family: WEB });
    // Mobile
    const mx = 1100;
    s += frameLabel(mx, fy, 'Mobile — Home v3');
    s += rect(mx, fy, 390, 844, '#ffffff') + rect(mx, fy, 390, 520, NAVY);
    s += acmeMark(mx + 20, fy + 50, 28, ORANGE, '#fff', NAVY) + icon('menu', mx + 346, fy + 56, '#fff', 22);
    s += paragraph(mx + 24, fy + 150, 'Robots that work with your team', 320, { size: 34, fill: '#fff', family: WEB, weight: 'bold', lineHeight: 42 }).svg;
    s += rect(mx + 24, fy + 300, 342, 48, ORANGE, { rx: 24 }) + text(mx + 195, fy + 330, 'Get started', { size: 15, fill: '#fff', anchor: 'middle', family: WEB, weight: 'bold' });
    s += robotArt(mx + 70, fy + 370, 0.62, ORANGE);
    s += text(mx + 24, fy + 580, 'Everything a workcell needs', { size: 20, fill: '#0f172a', family: WEB, weight: 'bold' });
    for (let i = 0; i < 2; i++) s += rect(mx + 24, fy + 610 + i * 110, 342, 96, '#ffffff', { rx: 14, stroke: '#e2e8f0' }) + rect(mx + 40, fy + 630 + i * 110, 36, 36, '#fff1eb', { rx: 10 }) + text(mx + 92, fy + 652 + i * 110, feats[i]![0]!, { size: 15, fill: '#0f172a', family: WEB, weight: 'bold' });
    // Components
    const cx = 1100;
    const cy = 1040;
    s += frameLabel(cx, cy, 'Buttons');
    s += rect(cx, cy, 520, 240, '#ffffff');
    ['Primary', 'Hover', 'Pressed', 'Disabled'].forEach((t, i) => {
      const c = [ORANGE, '#ff8450', '#e0551a', '#f3c4ad'][i]!;
      s += rect(cx + 30 + i * 120, cy + 40, 104, 40, c, { rx: 20 }) + text(cx + 82 + i * 120, cy + 65, t, { size: 13, fill: '#fff', anchor: 'middle', family: WEB, weight: 'bold' });
      s += rect(cx + 30 + i * 120, cy + 110, 104, 40, 'none', { rx: 20, stroke: i === 3 ? '#cbd5e1' : NAVY, sw: 1.5 }) + text(cx + 82 + i * 120, cy + 135, t, { size: 13, fill: i === 3 ? '#cbd5e1' : NAVY, anchor: 'middle', family: WEB });
    });
    s += rect(cx + 30, cy + 180, 460, 40, '#f8fafc', { rx: 8, stroke: '#cbd5e1' }) + text(cx + 46, cy + 205, 'you@company.com', { size: 13, fill: '#94a3b8', family: WEB });
    return { w: 1760, h: 1660, body: s };
  },
  onboarding() {
    let s = '';
    const titles = ['Connect your arm', 'Teach by demonstration', 'Set safety zones', 'Watch every move'];
    const bodies = [
      'Plug in the controller and scan the QR code on its side. We find the arm on your network.',
      'Hold the wrist button and guide the arm. Acme records the path and smooths it for you.',
      'Draw the zones people walk through. The arm slows down near them and stops if touched.',
      'See live position, speed and alerts from anywhere, and get a weekly health report.',
    ];
    const colors = [['#e0f2fe', '#0284c7'], ['#fff1eb', ORANGE], ['#ecfdf5', '#059669'], ['#eef2ff', '#4f46e5']] as const;
    for (let i = 0; i < 4; i++) {
      const x = 100 + i * 440;
      const y = 120;
      s += frameLabel(x, y, `Onboarding / ${i + 1} — ${titles[i]}`);
      s += rect(x, y, 375, 812, '#ffffff', { rx: 0 });
      s += text(x + 24, y + 32, '9:41', { size: 14, fill: '#0f172a', family: WEB, weight: 'bold' }) + icon('wifi', x + 310, y + 18, '#0f172a', 14) + icon('battery', x + 334, y + 18, '#0f172a', 16);
      s += text(x + 340, y + 80, 'Skip', { size: 15, fill: '#64748b', family: WEB, anchor: 'end' });
      const [bg, fg] = colors[i]!;
      s += circle(x + 187, y + 280, 140, bg);
      if (i === 0) s += rect(x + 117, y + 220, 140, 110, '#fff', { rx: 12, stroke: fg, sw: 3 }) + rect(x + 137, y + 240, 40, 40, fg, { rx: 4 }) + rect(x + 187, y + 240, 50, 8, '#94a3b8', { rx: 4 }) + rect(x + 187, y + 256, 36, 8, '#cbd5e1', { rx: 4 }) + path(`M${x + 187} ${y + 360} v40`, 'none', { stroke: fg, sw: 3, dash: '6 5' });
      if (i === 1) s += robotArt(x + 80, y + 160, 0.9, fg) + path(`M${x + 110} ${y + 190} C ${x + 180} ${y + 120}, ${x + 260} ${y + 160}, ${x + 280} ${y + 230}`, 'none', { stroke: fg, sw: 3, dash: '7 6' });
      if (i === 2) s += rect(x + 87, y + 190, 200, 180, 'none', { rx: 16, stroke: fg, sw: 3, dash: '8 6' }) + circle(x + 187, y + 280, 40, fg, { opacity: 0.25 }) + circle(x + 187, y + 280, 18, fg) + icon('user', x + 240, y + 330, '#0f172a', 32);
      if (i === 3) {
        s += rect(x + 97, y + 200, 180, 150, '#fff', { rx: 14, stroke: '#c7d2fe', sw: 2 });
        s += path(`M${x + 112} ${y + 320} L${x + 142} ${y + 290} L${x + 172} ${y + 305} L${x + 202} ${y + 250} L${x + 232} ${y + 270} L${x + 262} ${y + 226}`, 'none', { stroke: fg, sw: 4, linejoin: 'round' });
        s += circle(x + 262, y + 226, 6, fg);
      }
      s += text(x + 187, y + 500, titles[i]!, { size: 26, fill: '#0f172a', family: WEB, weight: 'bold', anchor: 'middle' });
      const p = paragraph(x + 40, y + 545, bodies[i]!, 295, { size: 16, fill: '#475569', family: WEB, lineHeight: 25 });
      s += p.svg;
      for (let d = 0; d < 4; d++) s += rect(x + 155 + d * 18 + (d > i ? 14 : 0), y + 690, d === i ? 28 : 8, 8, d === i ? fg : '#cbd5e1', { rx: 4 });
      s += rect(x + 24, y + 728, 327, 54, i === 3 ? fg : NAVY, { rx: 27 }) + text(x + 187, y + 761, i === 3 ? 'Open dashboard' : 'Next', { size: 17, fill: '#fff', anchor: 'middle', family: WEB, weight: 'bold' });
      if (i < 3) s += path(`M${x + 385} ${y + 420} h40`, 'none', { stroke: '#9747ff', sw: 2 }) + path(`M${x + 418} ${y + 413} l8 7 l-8 7`, 'none', { stroke: '#9747ff', sw: 2 });
    }
    s += rect(100, 1010, 600, 150, '#fff9db', { rx: 4 }) + text(120, 1044, 'Notes from Alice (Tue)', { size: 15, fill: '#5c4b00', family: WEB, weight: 'bold' });
    s += paragraph(120, 1074, '– Step 2 copy is too long for small phones. – Can we show the e-stop somewhere? – Love the illustrations!', 560, { size: 14, fill: '#5c4b00', family: WEB, lineHeight: 22 }).svg;
    return { w: 1900, h: 1260, body: s };
  },
  dashboard() {
    let s = '';
    const x = 100;
    const y = 100;
    const w = 1280;
    const h = 820;
    s += frameLabel(x, y, 'Dashboard — Fleet overview');
    s += rect(x, y, w, h, '#f8fafc') + rect(x, y, 220, h, NAVY);
    s += acmeMark(x + 20, y + 22, 30, ORANGE, '#fff', NAVY) + text(x + 62, y + 44, 'Acme Cloud', { size: 16, fill: '#fff', family: WEB, weight: 'bold' });
    ['Overview', 'Cells', 'Programs', 'Alerts', 'Reports', 'Settings'].forEach((t, i) => {
      if (i === 0) s += rect(x + 12, y + 88 + i * 44, 196, 36, '#1e3a8a', { rx: 8 });
      s += icon(['home', 'frame', 'files', 'bell', 'chart', 'gear'][i]!, x + 26, y + 98 + i * 44, i === 0 ? '#fff' : '#94a3b8') + text(x + 54, y + 111 + i * 44, t, { size: 14, fill: i === 0 ? '#fff' : '#94a3b8', family: WEB });
    });
    s += text(x + 252, y + 56, 'Fleet overview', { size: 24, fill: '#0f172a', family: WEB, weight: 'bold' });
    s += rect(x + w - 250, y + 30, 220, 36, '#fff', { rx: 8, stroke: '#e2e8f0' }) + text(x + w - 234, y + 53, 'Last 7 days  ⌄', { size: 13, fill: '#334155', family: WEB });
    const kpis = [['Cycles run', '48,210', '+12.4%', '#059669'], ['Uptime', '99.2%', '+0.3%', '#059669'], ['Avg cycle', '14.8 s', '−0.6 s', '#059669'], ['Open alerts', '3', '+1', '#dc2626']] as const;
    kpis.forEach(([t, v, d, c], i) => {
      const kx = x + 252 + i * 250;
      s += rect(kx, y + 90, 232, 112, '#fff', { rx: 12, stroke: '#e2e8f0' }) + text(kx + 20, y + 122, t, { size: 13, fill: '#64748b', family: WEB });
      s += text(kx + 20, y + 166, v, { size: 30, fill: '#0f172a', family: WEB, weight: 'bold' }) + text(kx + 20, y + 190, d, { size: 12, fill: c, family: WEB, weight: 'bold' });
    });
    s += rect(x + 252, y + 222, 640, 300, '#fff', { rx: 12, stroke: '#e2e8f0' }) + text(x + 272, y + 254, 'Cycles per hour', { size: 15, fill: '#0f172a', family: WEB, weight: 'bold' });
    for (let g = 0; g < 5; g++) s += line(x + 290, y + 300 + g * 48, x + 870, y + 300 + g * 48, '#f1f5f9', 1);
    const pts = [220, 180, 200, 150, 170, 120, 140, 90, 110, 100, 70, 95, 60];
    s += path(`M${pts.map((p, i) => `${x + 290 + i * 48} ${y + p + 200}`).join(' L')}`, 'none', { stroke: ORANGE, sw: 3, linejoin: 'round' });
    s += path(`M${pts.map((p, i) => `${x + 290 + i * 48} ${y + p + 240}`).join(' L')}`, 'none', { stroke: '#93c5fd', sw: 2, linejoin: 'round', dash: '6 4' });
    s += rect(x + 912, y + 222, 340, 300, '#fff', { rx: 12, stroke: '#e2e8f0' }) + text(x + 932, y + 254, 'Alerts by cell', { size: 15, fill: '#0f172a', family: WEB, weight: 'bold' });
    [120, 80, 160, 40, 100].forEach((bh, i) => (s += rect(x + 950 + i * 58, y + 490 - bh, 34, bh, i === 2 ? ORANGE : '#c7d2fe', { rx: 4 }) + text(x + 967 + i * 58, y + 508, `C${i + 1}`, { size: 11, fill: '#64748b', anchor: 'middle', family: WEB })));
    s += rect(x + 252, y + 542, 1000, 250, '#fff', { rx: 12, stroke: '#e2e8f0' }) + text(x + 272, y + 574, 'Cells', { size: 15, fill: '#0f172a', family: WEB, weight: 'bold' });
    ['Cell', 'Program', 'Status', 'Cycles', 'Last alert'].forEach((t, i) => (s += text(x + 272 + i * 200, y + 610, t, { size: 12, fill: '#64748b', family: WEB, weight: 'bold' })));
    const rows = [['Cell 1 — Packing', 'box-pick-v7', 'Running', '12,480', '2 d ago'], ['Cell 2 — Welding', 'seam-weld-3', 'Running', '9,212', '5 h ago'], ['Cell 3 — Sorting', 'sort-mixed', 'Stopped', '7,034', '12 min ago'], ['Cell 4 — Palletizing', 'pallet-euro', 'Running', '19,484', '—']];
    rows.forEach((r, ri) => {
      s += rect(x + 262, y + 624 + ri * 40, 980, 1, '#f1f5f9');
      r.forEach((c, ci) => {
        if (ci === 2) s += rect(x + 272 + ci * 200, y + 632 + ri * 40, 70, 22, c === 'Running' ? '#dcfce7' : '#fee2e2', { rx: 11 }) + text(x + 307 + ci * 200, y + 647 + ri * 40, c, { size: 12, fill: c === 'Running' ? '#166534' : '#991b1b', anchor: 'middle', family: WEB });
        else s += text(x + 272 + ci * 200, y + 648 + ri * 40, c, { size: 13, fill: '#0f172a', family: WEB });
      });
    });
    // Empty-state variant
    s += frameLabel(x, 1010, 'Dashboard — Empty state');
    s += rect(x, 1010, 640, 420, '#f8fafc') + rect(x, 1010, 110, 420, NAVY) + circle(x + 375, 1170, 60, '#fff1eb') + icon('frame', x + 351, 1146, ORANGE, 48);
    s += text(x + 375, 1270, 'No cells yet', { size: 20, fill: '#0f172a', anchor: 'middle', family: WEB, weight: 'bold' }) + rect(x + 305, 1300, 140, 40, ORANGE, { rx: 20 }) + text(x + 375, 1325, 'Add a cell', { size: 14, fill: '#fff', anchor: 'middle', family: WEB, weight: 'bold' });
    return { w: 1600, h: 1520, body: s };
  },
  logos() {
    let s = '';
    const tiles: [string, string, string, string, 'sans' | 'serif'][] = [
      ['#ffffff', NAVY, ORANGE, NAVY, 'sans'],
      [NAVY, '#ffffff', ORANGE, '#ffffff', 'sans'],
      ['#fff1eb', ORANGE, NAVY, NAVY, 'sans'],
      ['#ffffff', '#0f172a', '#0f172a', '#0f172a', 'serif'],
      [ORANGE, '#ffffff', NAVY, '#ffffff', 'sans'],
      ['#0f172a', '#e2e8f0', '#38bdf8', '#e2e8f0', 'sans'],
      ['#ffffff', '#059669', '#0f172a', '#0f172a', 'sans'],
      ['#f1f5f9', NAVY, ORANGE, NAVY, 'serif'],
      ['#1e1b4b', '#ffffff', '#a78bfa', '#ffffff', 'sans'],
    ];
    s += frameLabel(100, 100, 'Logo explorations — round 2');
    s += rect(100, 100, 1180, 900, '#ffffff');
    tiles.forEach(([bg, mark, acc, word, fam], i) => {
      const tx = 130 + (i % 3) * 380;
      const ty = 130 + Math.floor(i / 3) * 280;
      s += rect(tx, ty, 360, 260, bg, { rx: 12, stroke: '#e2e8f0' });
      s += acmeMark(tx + 60, ty + 98, 64, bg === '#ffffff' || bg === '#f1f5f9' || bg === '#fff1eb' ? mark : 'rgba(255,255,255,0.08)', bg === mark ? acc : i % 2 ? word : '#fff', acc);
      s += text(tx + 140, ty + 146, i % 4 === 3 ? 'ACME' : 'acme', { size: 46, fill: word, family: fam === 'serif' ? SERIF : WEB, weight: 'bold' });
      s += text(tx + 142, ty + 170, 'ROBOTICS', { size: 12, fill: word, family: WEB, weight: 'bold', opacity: 0.7 });
      s += text(tx + 16, ty + 244, `V${i + 1}`, { size: 11, fill: '#94a3b8', family: SANS });
    });
    s += frameLabel(1340, 100, 'Favicon / app icon');
    s += rect(1340, 100, 300, 400, '#ffffff');
    [96, 64, 32, 16].forEach((sz, i) => (s += acmeMark(1370 + (i > 1 ? (i - 2) * 60 : 0), 130 + (i < 2 ? i * 120 : 250), sz, NAVY, '#ffffff', ORANGE)));
    s += rect(1340, 560, 300, 160, '#fff9db') + paragraph(1356, 590, 'Alice: V2 and V5 feel strongest. Try the arm mark a bit bolder at 16 px?', 270, { size: 14, fill: '#5c4b00', family: WEB, lineHeight: 21 }).svg;
    return { w: 1760, h: 1100, body: s };
  },
  icons() {
    let s = '';
    const names = ['home', 'search', 'files', 'gear', 'user', 'bell', 'lock', 'chart', 'terminal', 'mail', 'star', 'pen', 'frame', 'image', 'comment', 'send', 'power', 'wifi', 'battery', 'volume', 'debug', 'git', 'inbox', 'pointer'];
    s += frameLabel(100, 100, 'Icons — 24 px line, 1.5 stroke');
    s += rect(100, 100, 1040, 760, '#ffffff');
    names.forEach((n, i) => {
      const cx = 140 + (i % 8) * 122;
      const cy = 150 + Math.floor(i / 8) * 200;
      s += rect(cx, cy, 96, 96, i === 5 ? '#e5f4ff' : '#f8fafc', { rx: 10, stroke: i === 5 ? BLUE : '#e2e8f0' });
      s += icon(n, cx + 24, cy + 24, '#0f172a', 48);
      s += text(cx + 48, cy + 124, n, { size: 12, fill: '#475569', anchor: 'middle', family: WEB });
    });
    s += frameLabel(1200, 100, 'Grid');
    s += rect(1200, 100, 300, 300, '#ffffff');
    for (let g = 0; g <= 24; g += 2) s += line(1230 + g * 10, 130, 1230 + g * 10, 370, '#fecaca', 1) + line(1230, 130 + g * 10, 1470, 130 + g * 10, '#fecaca', 1);
    s += icon('bell', 1230, 130, '#0f172a', 240);
    s += frameLabel(1200, 460, 'Sizes');
    s += rect(1200, 460, 300, 200, '#ffffff');
    [16, 20, 24, 32].forEach((sz, i) => (s += icon('bell', 1230 + i * 60, 540 - sz / 2, '#0f172a', sz)));
    return { w: 1640, h: 960, body: s };
  },
  system() {
    let s = '';
    s += frameLabel(100, 100, 'Foundations — Colour');
    s += rect(100, 100, 1100, 520, '#ffffff');
    const scales: [string, string[]][] = [
      ['Navy', ['#eef2ff', '#c7d2fe', '#818cf8', '#4f46e5', '#3730a3', '#1e3a8a', '#172554', NAVY]],
      ['Orange', ['#fff7ed', '#ffedd5', '#fdba74', '#fb923c', ORANGE, '#ea580c', '#c2410c', '#7c2d12']],
      ['Slate', ['#f8fafc', '#f1f5f9', '#e2e8f0', '#cbd5e1', '#94a3b8', '#64748b', '#334155', '#0f172a']],
      ['Green', ['#f0fdf4', '#dcfce7', '#86efac', '#4ade80', '#22c55e', '#16a34a', '#15803d', '#14532d']],
    ];
    scales.forEach(([name, cs], r) => {
      s += text(130, 160 + r * 114, name, { size: 15, fill: '#0f172a', family: WEB, weight: 'bold' });
      cs.forEach((c, i) => {
        s += rect(130 + i * 128, 176 + r * 114, 116, 56, c, { rx: 8, stroke: '#e2e8f0' });
        s += text(130 + i * 128, 250 + r * 114, `${[50, 100, 300, 400, 500, 600, 700, 900][i]}  ${c.toUpperCase()}`, { size: 11, fill: '#64748b', family: WEB });
      });
    });
    s += frameLabel(100, 700, 'Foundations — Type');
    s += rect(100, 700, 1100, 560, '#ffffff');
    const scale: [string, number, 'bold' | 'normal'][] = [['Display / 56', 56, 'bold'], ['Heading 1 / 40', 40, 'bold'], ['Heading 2 / 28', 28, 'bold'], ['Heading 3 / 20', 20, 'bold'], ['Body / 16', 16, 'normal'], ['Small / 13', 13, 'normal']];
    let y = 760;
    for (const [n, sz, wt] of scale) {
      s += text(130, y + sz * 0.8, 'Robots that work with your team', { size: sz, fill: '#0f172a', family: WEB, weight: wt });
      s += text(1170, y + sz * 0.8, n, { size: 12, fill: '#94a3b8', family: WEB, anchor: 'end' });
      y += sz + 40;
    }
    s += frameLabel(1280, 100, 'Components — Inputs');
    s += rect(1280, 100, 420, 520, '#ffffff');
    ['Default', 'Focused', 'Error', 'Disabled'].forEach((t, i) => {
      const c = ['#cbd5e1', BLUE, '#dc2626', '#e2e8f0'][i]!;
      s += text(1310, 150 + i * 110, t, { size: 13, fill: '#475569', family: WEB }) + rect(1310, 162 + i * 110, 360, 44, i === 3 ? '#f8fafc' : '#fff', { rx: 8, stroke: c, sw: i === 1 ? 2 : 1 });
      s += text(1326, 190 + i * 110, i === 2 ? 'not-an-email' : 'name@acme.io', { size: 14, fill: i === 3 ? '#cbd5e1' : '#0f172a', family: WEB });
      if (i === 2) s += text(1310, 226 + i * 110, 'Enter a valid email address', { size: 12, fill: '#dc2626', family: WEB });
    });
    s += frameLabel(1280, 700, 'Components — Cards');
    s += rect(1280, 700, 420, 560, '#ffffff');
    for (let i = 0; i < 2; i++) {
      s += rect(1310, 730 + i * 260, 360, 230, '#fff', { rx: 14, stroke: '#e2e8f0' }) + shotArt(1326, 746 + i * 260, 328, 120, `card-${i}`);
      s += text(1326, 896 + i * 260, i ? 'Palletizing, Euro pallets' : 'Box picking, mixed SKUs', { size: 16, fill: '#0f172a', family: WEB, weight: 'bold' }) + text(1326, 920 + i * 260, 'Template · 14 steps', { size: 13, fill: '#64748b', family: WEB });
    }
    return { w: 1800, h: 1360, body: s };
  },
};

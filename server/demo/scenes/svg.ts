// A tiny SVG writing kit for the demo screens. Coordinates are pixels (SVG at 72 dpi).
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const SANS = 'DejaVu Sans';
export const MONO = 'DejaVu Sans Mono';
export const WEB = 'Liberation Sans';
export const SERIF = 'Liberation Serif';

export const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface TextOpts {
  size?: number;
  fill?: string;
  weight?: 'bold' | 'normal' | number;
  family?: string;
  anchor?: 'start' | 'middle' | 'end';
  opacity?: number;
  italic?: boolean;
  underline?: boolean;
}

const attrs = (o: Record<string, string | number | undefined | false>) =>
  Object.entries(o)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => ` ${k}="${typeof v === 'string' ? esc(v) : v}"`)
    .join('');

export function text(x: number, y: number, s: string, o: TextOpts = {}): string {
  return `<text${attrs({
    x: r(x),
    y: r(y),
    'font-family': o.family ?? SANS,
    'font-size': o.size ?? 13,
    fill: o.fill ?? '#222',
    'font-weight': o.weight === undefined ? undefined : String(o.weight),
    'text-anchor': o.anchor && o.anchor !== 'start' ? o.anchor : undefined,
    opacity: o.opacity,
    'font-style': o.italic ? 'italic' : undefined,
    'text-decoration': o.underline ? 'underline' : undefined,
  })} xml:space="preserve">${esc(s)}</text>`;
}

/** Text made of coloured runs, one after the other on a line. */
export function runs(x: number, y: number, parts: readonly (readonly [string, string])[], o: TextOpts = {}): string {
  const spans = parts.map(([s, fill]) => `<tspan fill="${fill}">${esc(s)}</tspan>`).join('');
  return `<text${attrs({
    x: r(x),
    y: r(y),
    'font-family': o.family ?? MONO,
    'font-size': o.size ?? 13,
    'font-weight': o.weight === undefined ? undefined : String(o.weight),
  })} xml:space="preserve">${spans}</text>`;
}

export interface ShapeOpts {
  rx?: number;
  stroke?: string;
  sw?: number;
  opacity?: number;
  dash?: string;
}

export function rect(x: number, y: number, w: number, h: number, fill: string, o: ShapeOpts = {}): string {
  return `<rect${attrs({
    x: r(x),
    y: r(y),
    width: r(Math.max(0, w)),
    height: r(Math.max(0, h)),
    rx: o.rx,
    fill,
    stroke: o.stroke,
    'stroke-width': o.sw,
    opacity: o.opacity,
    'stroke-dasharray': o.dash,
  })}/>`;
}

export function circle(cx: number, cy: number, rad: number, fill: string, o: ShapeOpts = {}): string {
  return `<circle${attrs({ cx: r(cx), cy: r(cy), r: r(rad), fill, stroke: o.stroke, 'stroke-width': o.sw, opacity: o.opacity })}/>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke: string, sw = 1, o: ShapeOpts = {}): string {
  return `<line${attrs({ x1: r(x1), y1: r(y1), x2: r(x2), y2: r(y2), stroke, 'stroke-width': sw, opacity: o.opacity, 'stroke-dasharray': o.dash })}/>`;
}

export function path(d: string, fill: string, o: ShapeOpts & { linecap?: string; linejoin?: string } = {}): string {
  return `<path${attrs({
    d,
    fill,
    stroke: o.stroke,
    'stroke-width': o.sw,
    opacity: o.opacity,
    'stroke-linecap': o.linecap,
    'stroke-linejoin': o.linejoin,
    'stroke-dasharray': o.dash,
  })}/>`;
}

export const group = (body: string, transform?: string) =>
  transform ? `<g transform="${transform}">${body}</g>` : `<g>${body}</g>`;

export function doc(w: number, h: number, body: string, defs = ''): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${
    defs ? `<defs>${defs}</defs>` : ''
  }${body}</svg>`;
}

export function linearGradient(id: string, stops: readonly (readonly [number, string])[], x2 = 0, y2 = 1): string {
  return `<linearGradient id="${id}" x1="0" y1="0" x2="${x2}" y2="${y2}">${stops
    .map(([o, c]) => `<stop offset="${o}" stop-color="${c}"/>`)
    .join('')}</linearGradient>`;
}

const r = (n: number) => Math.round(n * 10) / 10;

// Width estimates, good enough to wrap text and size tabs. DejaVu Sans is wide, Liberation
// Sans has Arial's metrics.
const NARROW = new Set('il.,;:|!\'`jI ()[]{}'.split(''));
const WIDE = new Set('mwMW@%'.split(''));
export function textWidth(s: string, size: number, family: string = SANS): number {
  if (family === MONO || family === 'Liberation Mono') return s.length * size * 0.602;
  const k = family === SANS ? 1.1 : family === SERIF ? 0.88 : 0.93;
  let w = 0;
  for (const ch of s) {
    if (NARROW.has(ch)) w += 0.3;
    else if (WIDE.has(ch)) w += 0.86;
    else if (ch >= 'A' && ch <= 'Z') w += 0.68;
    else if (ch >= '0' && ch <= '9') w += 0.56;
    else w += 0.52;
  }
  return w * size * k;
}

export function wrap(s: string, maxWidth: number, size: number, family: string = SANS): string[] {
  const out: string[] = [];
  let cur = '';
  for (const word of s.split(/\s+/).filter(Boolean)) {
    const next = cur ? `${cur} ${word}` : word;
    if (cur && textWidth(next, size, family) > maxWidth) {
      out.push(cur);
      cur = word;
    } else cur = next;
  }
  if (cur) out.push(cur);
  return out;
}

/** A paragraph: wrapped lines from `y` (the first baseline). Returns the SVG and the next y. */
export function paragraph(
  x: number,
  y: number,
  s: string,
  maxWidth: number,
  o: TextOpts & { lineHeight?: number } = {},
): { svg: string; y: number; lines: number } {
  const size = o.size ?? 13;
  const lh = o.lineHeight ?? Math.round(size * 1.55);
  const lines = wrap(s, maxWidth, size, o.family ?? SANS);
  const svg = lines.map((l, i) => text(x, y + i * lh, l, o)).join('');
  return { svg, y: y + lines.length * lh, lines: lines.length };
}

/** Initials avatar. */
export function avatar(cx: number, cy: number, rad: number, name: string, color: string): string {
  const initials = name
    .split(/\s+/)
    .map((p) => p[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return (
    circle(cx, cy, rad, color) +
    text(cx, cy + rad * 0.36, initials, { size: Math.round(rad * 0.9), fill: '#fff', anchor: 'middle', weight: 'bold' })
  );
}

/** The icons that are one stroked path, by name. */
const STROKE_ICONS: Record<string, string> = {
  debug: 'M4 3l9 5-9 5z',
  ext: 'M2 2h5v5H2zM9 2h5v5H9zM2 9h5v5H2zM9 9h5v5H9z',
  bell: 'M4 11V7a4 4 0 018 0v4l1 2H3zM6.5 14.5h3',
  volume: 'M2 6h3l4-3v10l-4-3H2zM11.5 5.5a3.5 3.5 0 010 5M13.5 3.5a6.5 6.5 0 010 9',
  power: 'M8 2v6M4.5 4.5a5 5 0 107 0',
  plus: 'M8 3v10M3 8h10',
  back: 'M10 3L5 8l5 5',
  fwd: 'M6 3l5 5-5 5',
  reload: 'M13 8a5 5 0 11-1.5-3.5M13 2v3h-3',
  star: 'M8 2l1.8 3.8 4.2.5-3.1 2.9.8 4.1L8 11.3 4.3 13.3l.8-4.1L2 6.3l4.2-.5z',
  menu: 'M2 4h12M2 8h12M2 12h12',
  hash: 'M6 2L4.5 14M11.5 2L10 14M2.5 5.5h12M1.5 10.5h12',
  chevron: 'M4 6l4 4 4-4',
  chevronR: 'M6 4l4 4-4 4',
  frame: 'M5 1v14M11 1v14M1 5h14M1 11h14',
  pen: 'M3 13l1-4 7-7 3 3-7 7zM9.5 3.5l3 3',
  text: 'M3 3h10M8 3v10',
  hand: 'M5 9V4.5a1 1 0 012 0V8M7 7.5V3a1 1 0 012 0v4.5M9 7.5V4a1 1 0 012 0v5c0 3-1.5 5-4 5-2 0-3-1-4-3L2 8.5a1 1 0 011.6-1.2L5 9',
  pointer: 'M3 2l9 6-4 1 2.5 5-1.8.8L6.3 10 3 13z',
  comment: 'M2 3h12v8H6l-3 3v-3H2z',
  close: 'M4 4l8 8M12 4l-8 8',
  min: 'M3 8h10',
  chart: 'M2 14h12M4 12V8M7 12V4M10 12V7M13 12V10',
  home: 'M2 8l6-5.5L14 8M4 7v7h8V7',
  inbox: 'M2 9l2-6h8l2 6v4H2zM2 9h3.5l1 2h3l1-2H14',
  send: 'M2 8l12-6-4 12-2.5-5z',
};

/** Simple line icons drawn with strokes, 16 px box at (x, y). */
export function icon(kind: string, x: number, y: number, color: string, s = 16): string {
  const k = s / 16;
  const t = (d: string) => path(d, 'none', { stroke: color, sw: 1.5, linecap: 'round', linejoin: 'round' });
  const g = (body: string) => group(body, `translate(${x},${y}) scale(${k})`);
  const stroke = STROKE_ICONS[kind];
  if (stroke) return g(t(stroke));
  switch (kind) {
    case 'files':
      return g(t('M3 2h6l4 4v8H3z') + t('M9 2v4h4'));
    case 'search':
      return g(circle(7, 7, 4.5, 'none', { stroke: color, sw: 1.5 }) + t('M10.5 10.5L14 14'));
    case 'git':
      return g(circle(4, 3, 1.8, 'none', { stroke: color, sw: 1.5 }) + circle(4, 13, 1.8, 'none', { stroke: color, sw: 1.5 }) + circle(12, 6, 1.8, 'none', { stroke: color, sw: 1.5 }) + t('M4 5v6M12 8c0 3-8 2-8 3'));
    case 'gear':
      return g(circle(8, 8, 2.5, 'none', { stroke: color, sw: 1.5 }) + t('M8 1v2M8 13v2M1 8h2M13 8h2M3 3l1.5 1.5M11.5 11.5L13 13M3 13l1.5-1.5M11.5 4.5L13 3'));
    case 'user':
      return g(circle(8, 5, 3, 'none', { stroke: color, sw: 1.5 }) + t('M2 15c0-4 3-5 6-5s6 1 6 5'));
    case 'wifi':
      return g(t('M1.5 6a9.5 9.5 0 0113 0M4 8.8a6 6 0 018 0M6.4 11.4a2.6 2.6 0 013.2 0') + circle(8, 13.6, 1, color));
    case 'battery':
      return g(rect(1, 4.5, 12.5, 7, 'none', { rx: 1.5, stroke: color, sw: 1.3 }) + rect(2.8, 6.2, 7.5, 3.6, color) + rect(14.2, 6.5, 1.6, 3, color));
    case 'lock':
      return g(rect(3.5, 7, 9, 7, 'none', { rx: 1.5, stroke: color, sw: 1.4 }) + t('M5.5 7V5a2.5 2.5 0 015 0v2'));
    case 'dots':
      return g(circle(8, 3, 1.3, color) + circle(8, 8, 1.3, color) + circle(8, 13, 1.3, color));
    case 'rect':
      return g(rect(2.5, 3.5, 11, 9, 'none', { stroke: color, sw: 1.5 }));
    case 'mail':
      return g(rect(1.5, 3.5, 13, 9, 'none', { stroke: color, sw: 1.4, rx: 1 }) + t('M2 4l6 5 6-5'));
    case 'max':
      return g(rect(3.5, 3.5, 9, 9, 'none', { stroke: color, sw: 1.2 }));
    case 'terminal':
      return g(rect(1.5, 2.5, 13, 11, 'none', { stroke: color, sw: 1.3, rx: 1.5 }) + t('M4 6l2.5 2L4 10M8 10.5h4'));
    case 'image':
      return g(rect(1.5, 2.5, 13, 11, 'none', { stroke: color, sw: 1.3, rx: 1 }) + t('M2 12l4-4 3 3 2-2 3 3') + circle(11, 6, 1.3, color));
    default:
      return g(rect(2, 2, 12, 12, 'none', { stroke: color, sw: 1.4, rx: 2 }));
  }
}

// Google Chrome and the web pages the contractors read: docs, GitHub, Q&A, boards, mail…
import { rngFor } from '../prng.ts';
import { controls, type Os } from './desktop.ts';
import { highlightTs, LIGHT } from './highlight.ts';
import {
  avatar,
  type Box,
  circle,
  group,
  icon,
  line,
  MONO,
  paragraph,
  path,
  rect,
  runs,
  SERIF,
  text,
  textWidth,
  WEB,
} from './svg.ts';
import type { AppView, LineBand } from './types.ts';

export interface PageContent {
  /** Content width, if wider than the viewport (2D panning). */
  w?: number;
  h: number;
  body: string;
  bg: string;
  defs?: string;
  /** A part that stays at the top of the page while the rest scrolls (drawn in the frame). */
  fixed?: { h: number; body: string };
  lines?: Omit<LineBand, 'rgb' | 'alpha'> & { rgb?: LineBand['rgb']; alpha?: number };
}

export interface Page {
  url: string;
  tabTitle: string;
  favicon: readonly [string, string];
  build(w: number, viewportH: number): PageContent;
}

const clip = (s: string, w: number, size: number, family = WEB) => {
  if (textWidth(s, size, family) <= w) return s;
  let out = s;
  while (out.length > 1 && textWidth(`${out}…`, size, family) > w) out = out.slice(0, -1);
  return `${out}…`;
};

function favicon(x: number, y: number, [color, letter]: readonly [string, string]): string {
  return rect(x, y, 16, 16, color, { rx: 3 }) + text(x + 8, y + 12.5, letter, { size: 10, fill: '#fff', anchor: 'middle', weight: 'bold', family: WEB });
}

export interface BrowserOpts {
  page: Page;
  /** Other open tabs: title and favicon. */
  tabs: readonly (readonly [string, readonly [string, string]])[];
  /** Index of the active tab among all tabs (the page's tab is inserted there). */
  active?: number;
  bookmarks?: readonly string[];
  profile: readonly [string, string];
}

export function browser(o: BrowserOpts) {
  return (os: Os, area: Box): AppView => {
    const tabH = 42;
    const barH = 42;
    const bmH = o.bookmarks ? 30 : 0;
    let s = rect(area.x, area.y, area.w, tabH, '#dfe3e8');
    const all = [...o.tabs];
    const activeIdx = Math.min(o.active ?? 0, all.length);
    all.splice(activeIdx, 0, [o.page.tabTitle, o.page.favicon]);
    const tabsX = area.x + (os === 'mac' ? 84 : 10);
    const tabsRight = area.x + area.w - (os === 'windows' ? 160 : os === 'linux' ? 140 : 60);
    const tabW = Math.min(240, (tabsRight - tabsX - 40) / all.length);
    all.forEach(([title, fav], i) => {
      const x = tabsX + i * tabW;
      if (i === activeIdx) {
        s += path(`M${x - 8} ${area.y + tabH} Q${x} ${area.y + tabH} ${x} ${area.y + tabH - 8} V${area.y + 14} Q${x} ${area.y + 6} ${x + 8} ${area.y + 6} H${x + tabW - 8} Q${x + tabW} ${area.y + 6} ${x + tabW} ${area.y + 14} V${area.y + tabH - 8} Q${x + tabW} ${area.y + tabH} ${x + tabW + 8} ${area.y + tabH} Z`, '#ffffff');
      } else if (i !== activeIdx - 1) {
        s += rect(x + tabW - 1, area.y + 14, 1, 18, '#9aa0a6');
      }
      s += favicon(x + 12, area.y + 16, fav);
      s += text(x + 36, area.y + 28, clip(title, tabW - 64, 12), { size: 12, fill: i === activeIdx ? '#202124' : '#3c4043', family: WEB });
      s += icon('close', x + tabW - 22, area.y + 19, '#5f6368', 10);
    });
    s += icon('plus', tabsX + all.length * tabW + 10, area.y + 17, '#5f6368', 14);
    s += controls(os, area, area.y + 20, false);
    // Toolbar
    const by = area.y + tabH;
    s += rect(area.x, by, area.w, barH, '#ffffff');
    s += icon('back', area.x + 14, by + 13, '#5f6368') + icon('fwd', area.x + 46, by + 13, '#bdc1c6') + icon('reload', area.x + 78, by + 13, '#5f6368');
    const omX = area.x + 110;
    const omW = area.w - 110 - 120;
    s += rect(omX, by + 6, omW, 30, '#f1f3f4', { rx: 15 });
    s += icon('lock', omX + 14, by + 13, '#5f6368', 14);
    const [host, ...rest] = o.page.url.split('/');
    s += text(omX + 40, by + 26, host!, { size: 14, fill: '#202124', family: WEB }) +
      text(omX + 40 + textWidth(host!, 14, WEB), by + 26, rest.length ? `/${rest.join('/')}` : '', { size: 14, fill: '#5f6368', family: WEB });
    s += icon('star', omX + omW - 30, by + 13, '#5f6368');
    s += icon('ext', area.x + area.w - 100, by + 13, '#5f6368') + avatar(area.x + area.w - 56, by + 21, 12, o.profile[0], o.profile[1]) + icon('dots', area.x + area.w - 30, by + 13, '#5f6368');
    if (o.bookmarks) {
      s += rect(area.x, by + barH, area.w, bmH, '#ffffff');
      let bx = area.x + 14;
      for (const b of o.bookmarks) {
        s += rect(bx, by + barH + 8, 14, 14, '#8ab4f8', { rx: 3 }) + text(bx + 20, by + barH + 20, b, { size: 12, fill: '#3c4043', family: WEB });
        bx += textWidth(b, 12, WEB) + 42;
      }
    }
    const top = by + barH + bmH;
    s += rect(area.x, top - 1, area.w, 1, '#dadce0');
    const page = o.page.build(area.w, area.y + area.h - top);
    const fixedH = page.fixed?.h ?? 0;
    if (page.fixed) s += group(page.fixed.body, `translate(${area.x},${top})`);
    const viewport = { x: area.x, y: top + fixedH, w: area.w, h: area.y + area.h - top - fixedH };
    const cw = Math.max(viewport.w, page.w ?? viewport.w);
    const ch = Math.max(viewport.h + 1, page.h);
    const band = page.lines
      ? { ...page.lines, rgb: page.lines.rgb ?? ([51, 144, 255] as const), alpha: page.lines.alpha ?? 0.22 }
      : undefined;
    return {
      chrome: s,
      viewport,
      content: { w: cw, h: ch, body: rect(0, 0, cw, ch, page.bg) + page.body, bg: page.bg, defs: page.defs },
      lines: band,
      cursor: 'arrow',
    };
  };
}

// ---------------------------------------------------------------------------------------------
// Blocks of prose, shared by the documentation-like pages

export type Block =
  | { h1: string }
  | { h2: string }
  | { h3: string }
  | { p: string }
  | { code: string; lang?: 'ts' | 'bash' | 'json' | 'text' }
  | { list: readonly string[] }
  | { note: string }
  | { table: readonly (readonly string[])[] };

export interface BlockStyle {
  family: string;
  size: number;
  fg: string;
  heading: string;
  headingFamily?: string;
  codeBg: string;
  codeFg: string;
  noteBg: string;
  noteBar: string;
  link: string;
  rule?: string;
}

export function renderBlocks(x: number, y0: number, w: number, blocks: readonly Block[], st: BlockStyle): { svg: string; y: number; tops: number[]; lh: number } {
  let y = y0;
  let s = '';
  const lh = Math.round(st.size * 1.65);
  const tops: number[] = [];
  const mark = (firstBaseline: number, n: number) => {
    for (let i = 0; i < n; i++) tops.push(Math.round(firstBaseline + i * lh - st.size * 1.2));
  };
  for (const b of blocks) {
    if ('h1' in b) {
      s += text(x, y + 34, b.h1, { size: 34, fill: st.heading, weight: 'bold', family: st.headingFamily ?? st.family });
      y += 58;
      if (st.rule) s += rect(x, y - 8, w, 1, st.rule);
      y += 10;
    } else if ('h2' in b) {
      y += 14;
      s += text(x, y + 24, b.h2, { size: 24, fill: st.heading, weight: 'bold', family: st.headingFamily ?? st.family });
      y += 38;
      if (st.rule) {
        s += rect(x, y - 4, w, 1, st.rule);
        y += 8;
      }
    } else if ('h3' in b) {
      y += 8;
      s += text(x, y + 18, b.h3, { size: 18, fill: st.heading, weight: 'bold', family: st.headingFamily ?? st.family });
      y += 32;
    } else if ('p' in b) {
      const p = paragraph(x, y + st.size, b.p, w, { size: st.size, fill: st.fg, family: st.family, lineHeight: lh });
      s += p.svg;
      mark(y + st.size, p.lines);
      y = p.y + 10;
    } else if ('list' in b) {
      for (const item of b.list) {
        s += circle(x + 8, y + st.size * 0.62, 2.6, st.fg);
        const p = paragraph(x + 22, y + st.size, item, w - 22, { size: st.size, fill: st.fg, family: st.family, lineHeight: lh });
        s += p.svg;
        mark(y + st.size, p.lines);
        y = p.y + 2;
      }
      y += 10;
    } else if ('note' in b) {
      const p = paragraph(x + 20, y + 16 + st.size, b.note, w - 40, { size: st.size, fill: st.fg, family: st.family, lineHeight: lh });
      const h = p.y - y + 10;
      s += rect(x, y, w, h, st.noteBg, { rx: 4 }) + rect(x, y, 4, h, st.noteBar) + p.svg;
      y += h + 16;
    } else if ('code' in b) {
      const ls = b.code.split('\n');
      const h = ls.length * 20 + 24;
      s += rect(x, y, w, h, st.codeBg, { rx: 6 });
      const state = { inComment: false };
      const dark = isDark(st.codeBg);
      ls.forEach((l, i) => {
        const ty = y + 28 + i * 20;
        if (b.lang === 'ts' || b.lang === 'json') {
          s += runs(x + 16, ty, highlightTs(l, dark ? DARK_CODE : LIGHT, state), { size: 13 });
        } else if (b.lang === 'bash' && /^\s*(\$|curl|npm|npx|globex|git)/.test(l)) {
          const m = /^(\s*\$?\s*)(\S+)(.*)$/.exec(l)!;
          s += runs(x + 16, ty, [[m[1]!, st.codeFg], [m[2]!, dark ? '#82aaff' : '#8250df'], [m[3]!, st.codeFg]], { size: 13 });
        } else {
          s += text(x + 16, ty, l, { size: 13, fill: st.codeFg, family: MONO });
        }
      });
      y += h + 16;
    } else if ('table' in b) {
      const cols = b.table[0]!.length;
      const cw = w / cols;
      b.table.forEach((row, ri) => {
        const rh = 36;
        if (ri === 0) s += rect(x, y, w, rh, st.noteBg);
        s += rect(x, y + rh - 1, w, 1, st.rule ?? '#d0d7de');
        row.forEach((cell, ci) => {
          const code = /^`.*`$/.test(cell);
          s += text(x + ci * cw + 12, y + 23, code ? cell.slice(1, -1) : cell, {
            size: code ? 13 : st.size - 1,
            fill: code ? st.link : st.fg,
            weight: ri === 0 ? 'bold' : undefined,
            family: code ? MONO : st.family,
          });
        });
        y += rh;
      });
      y += 18;
    }
  }
  return { svg: s, y, tops, lh };
}

const DARK_CODE = { ...LIGHT, text: '#e6edf3', keyword: '#ff7b72', control: '#ff7b72', string: '#a5d6ff', number: '#79c0ff', comment: '#8b949e', type: '#ffa657', fn: '#d2a8ff', variable: '#e6edf3', punct: '#e6edf3' };
const isDark = (hex: string) => parseInt(hex.slice(1, 3), 16) < 100;

// ---------------------------------------------------------------------------------------------
// A documentation site: top bar, left navigation, article, "on this page".

export interface DocsOpts {
  url: string;
  tabTitle: string;
  favicon: readonly [string, string];
  brand: string;
  accent: string;
  dark?: boolean;
  nav: readonly (readonly [string, readonly string[]])[];
  active: string;
  crumbs: readonly string[];
  blocks: readonly Block[];
  serif?: boolean;
}

export function docsPage(o: DocsOpts): Page {
  return {
    url: o.url,
    tabTitle: o.tabTitle,
    favicon: o.favicon,
    build(w) {
      const bg = o.dark ? '#1b1b1d' : '#ffffff';
      const fg = o.dark ? '#e3e3e3' : '#1c1e21';
      const muted = o.dark ? '#a0a0a0' : '#606770';
      const navW = 280;
      const tocW = 240;
      const artX = navW + 56;
      const artW = Math.min(760, w - navW - tocW - 100);
      const st: BlockStyle = {
        family: o.serif ? SERIF : WEB,
        size: 16,
        fg,
        heading: fg,
        codeBg: o.dark ? '#282a36' : '#f6f7f8',
        codeFg: o.dark ? '#f8f8f2' : '#393a34',
        noteBg: o.dark ? '#2b2f36' : '#eef9fd',
        noteBar: o.accent,
        link: o.accent,
        rule: o.dark ? '#333' : '#e3e3e3',
      };
      const art = renderBlocks(artX, 120, artW, o.blocks, st);
      const h = art.y + 200;
      let s = rect(0, 0, w, 60, o.dark ? '#242526' : '#ffffff') + rect(0, 60, w, 1, o.dark ? '#444' : '#e3e3e3');
      s += rect(24, 16, 28, 28, o.accent, { rx: 6 }) + text(38, 36, o.brand[0]!, { size: 17, fill: '#fff', anchor: 'middle', weight: 'bold', family: WEB });
      s += text(62, 37, o.brand, { size: 18, fill: fg, weight: 'bold', family: WEB });
      let tx = 90 + textWidth(o.brand, 18, WEB);
      for (const t of ['Docs', 'API', 'Guides', 'Blog']) {
        s += text(tx, 37, t, { size: 15, fill: t === 'Docs' ? o.accent : fg, family: WEB, weight: t === 'Docs' ? 'bold' : undefined });
        tx += textWidth(t, 15, WEB) + 28;
      }
      s += rect(w - 330, 14, 220, 32, o.dark ? '#3a3b3c' : '#ebedf0', { rx: 16 }) + icon('search', w - 316, 22, muted) + text(w - 292, 35, 'Search', { size: 14, fill: muted, family: WEB });
      s += text(w - 96, 35, 'GitHub', { size: 15, fill: fg, family: WEB });
      // Nav
      s += rect(navW, 61, 1, h - 61, o.dark ? '#333' : '#e3e3e3');
      let ny = 96;
      for (const [section, items] of o.nav) {
        s += text(28, ny, section, { size: 13, fill: muted, weight: 'bold', family: WEB });
        ny += 30;
        for (const item of items) {
          if (item === o.active) s += rect(16, ny - 20, navW - 32, 30, o.dark ? '#2e3a4a' : '#f0f6ff', { rx: 6 });
          s += text(32, ny, item, { size: 14, fill: item === o.active ? o.accent : fg, family: WEB, weight: item === o.active ? 'bold' : undefined });
          ny += 32;
        }
        ny += 12;
      }
      // Breadcrumbs
      s += icon('home', artX, 82, muted, 14) + text(artX + 24, 94, o.crumbs.join('  ›  '), { size: 13, fill: muted, family: WEB });
      s += art.svg;
      // TOC
      const tocX = artX + artW + 60;
      s += rect(tocX - 16, 110, 1, 300, o.dark ? '#333' : '#e3e3e3');
      s += text(tocX, 130, 'On this page', { size: 13, fill: fg, weight: 'bold', family: WEB });
      let ty = 160;
      for (const b of o.blocks) {
        if ('h2' in b || 'h3' in b) {
          const t = 'h2' in b ? b.h2 : b.h3;
          s += text(tocX + ('h3' in b ? 14 : 0), ty, clip(t, tocW - 30, 13), { size: 13, fill: ty === 160 ? o.accent : muted, family: WEB });
          ty += 26;
        }
      }
      return { h, body: s, bg, lines: { top: 0, tops: art.tops, height: art.lh, count: art.tops.length, x: artX - 4, w: artW + 8 } };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// GitHub pull request, "Files changed"

export interface DiffFile {
  path: string;
  hunks: readonly string[];
}

export function githubPr(o: { repo: string; number: number; title: string; author: string; branch: string; commits: number; files: readonly DiffFile[]; tab: 'files' | 'conversation'; comments?: readonly (readonly [string, string, string])[] }): Page {
  return {
    url: `github.com/${o.repo}/pull/${o.number}/${o.tab === 'files' ? 'files' : ''}`,
    tabTitle: `${o.title} by ${o.author} · Pull Request #${o.number} · ${o.repo}`,
    favicon: ['#24292f', 'G'],
    build(w) {
      let s = rect(0, 0, w, 64, '#f6f8fa') + rect(0, 64, w, 1, '#d0d7de');
      s += circle(40, 32, 16, '#24292f') + path('M40 22c-5.5 0-10 4.5-10 10 0 4.4 2.9 8.2 6.8 9.5.5.1.7-.2.7-.5v-1.7c-2.8.6-3.4-1.3-3.4-1.3-.5-1.2-1.1-1.5-1.1-1.5-.9-.6.1-.6.1-.6 1 .1 1.5 1 1.5 1 .9 1.5 2.3 1.1 2.9.8.1-.6.3-1.1.6-1.3-2.2-.3-4.6-1.1-4.6-5 0-1.1.4-2 1-2.7-.1-.3-.4-1.3.1-2.7 0 0 .8-.3 2.8 1a9.6 9.6 0 015 0c1.9-1.3 2.8-1 2.8-1 .6 1.4.2 2.4.1 2.7.6.7 1 1.6 1 2.7 0 3.9-2.4 4.7-4.6 5 .4.3.7.9.7 1.9v2.8c0 .3.2.6.7.5 4-1.3 6.8-5.1 6.8-9.5 0-5.5-4.5-10-10-10z', '#ffffff');
      const [org, name] = o.repo.split('/');
      s += text(72, 38, `${org} / `, { size: 15, fill: '#1f2328', family: WEB }) + text(72 + textWidth(`${org} / `, 15, WEB), 38, name!, { size: 15, fill: '#1f2328', weight: 'bold', family: WEB });
      s += rect(w - 420, 16, 280, 32, '#ffffff', { rx: 6, stroke: '#d0d7de' }) + icon('search', w - 408, 24, '#59636e') + text(w - 384, 37, 'Type / to search', { size: 13, fill: '#59636e', family: WEB });
      s += icon('bell', w - 120, 24, '#59636e') + icon('plus', w - 88, 24, '#59636e') + avatar(w - 40, 32, 14, o.author, '#8250df');
      // Repo tabs
      let tx = 32;
      for (const [t, n] of [['Code', ''], ['Issues', '12'], ['Pull requests', '4'], ['Actions', ''], ['Projects', ''], ['Wiki', ''], ['Security', ''], ['Insights', '']] as const) {
        s += text(tx, 100, t, { size: 14, fill: '#1f2328', family: WEB, weight: t === 'Pull requests' ? 'bold' : undefined });
        const tw = textWidth(t, 14, WEB);
        if (n) s += rect(tx + tw + 8, 86, 22, 18, '#e6e8eb', { rx: 9 }) + text(tx + tw + 19, 100, n, { size: 12, fill: '#1f2328', anchor: 'middle', family: WEB });
        if (t === 'Pull requests') s += rect(tx - 8, 114, tw + 46, 2, '#fd8c73');
        tx += tw + (n ? 56 : 30);
      }
      s += rect(0, 116, w, 1, '#d0d7de');
      const x0 = 32;
      const cw = w - 64;
      s += text(x0, 170, o.title, { size: 30, fill: '#1f2328', family: WEB }) + text(x0 + textWidth(o.title, 30, WEB) + 12, 170, `#${o.number}`, { size: 30, fill: '#59636e', family: WEB });
      s += rect(x0, 190, 80, 32, '#1f883d', { rx: 16 }) + text(x0 + 40, 211, 'Open', { size: 14, fill: '#fff', anchor: 'middle', weight: 'bold', family: WEB });
      s += text(x0 + 94, 211, `${o.author} wants to merge ${o.commits} commits into main from ${o.branch}`, { size: 14, fill: '#59636e', family: WEB });
      s += rect(w - 200, 150, 80, 30, '#f6f8fa', { rx: 6, stroke: '#d0d7de' }) + text(w - 160, 170, 'Edit', { size: 13, fill: '#1f2328', anchor: 'middle', family: WEB });
      s += rect(w - 112, 150, 80, 30, '#1f883d', { rx: 6 }) + text(w - 72, 170, 'Code', { size: 13, fill: '#fff', anchor: 'middle', weight: 'bold', family: WEB });
      tx = x0;
      for (const [t, n] of [['Conversation', '8'], ['Commits', String(o.commits)], ['Checks', '3'], ['Files changed', String(o.files.length)]] as const) {
        const tw = textWidth(t, 14, WEB);
        const active = (t === 'Files changed') === (o.tab === 'files');
        s += text(tx, 262, t, { size: 14, fill: '#1f2328', family: WEB, weight: active ? 'bold' : undefined }) + rect(tx + tw + 8, 248, 22, 18, '#e6e8eb', { rx: 9 }) + text(tx + tw + 19, 262, n, { size: 12, fill: '#1f2328', anchor: 'middle', family: WEB });
        if (active) s += rect(tx - 8, 276, tw + 46, 2, '#fd8c73');
        tx += tw + 60;
      }
      s += rect(0, 278, w, 1, '#d0d7de');
      let y = 300;
      let lineCount = 0;
      if (o.tab === 'files') {
        for (const f of o.files) {
          const adds = f.hunks.filter((l) => l.startsWith('+')).length;
          const dels = f.hunks.filter((l) => l.startsWith('-')).length;
          s += rect(x0, y, cw, 44, '#f6f8fa', { rx: 6, stroke: '#d0d7de' });
          s += icon('chevron', x0 + 12, y + 14, '#59636e') + text(x0 + 40, y + 27, f.path, { size: 13, fill: '#1f2328', family: MONO, weight: 'bold' });
          s += text(x0 + 60 + textWidth(f.path, 13, MONO), y + 27, `+${adds} −${dels}`, { size: 12, fill: '#1a7f37', family: WEB });
          s += rect(x0 + cw - 110, y + 10, 96, 24, '#ffffff', { rx: 6, stroke: '#d0d7de' }) + text(x0 + cw - 62, y + 27, '☐ Viewed', { size: 12, fill: '#1f2328', anchor: 'middle', family: WEB });
          y += 44;
          let oldN = 1;
          let newN = 1;
          for (const l of f.hunks) {
            const kind = l[0];
            const hunk = /^@@ -(\d+)(?:,\d+)? \+(\d+)/.exec(l);
            if (hunk) {
              oldN = Number(hunk[1]);
              newN = Number(hunk[2]);
            }
            const bg = kind === '+' ? '#e6ffec' : kind === '-' ? '#ffebe9' : kind === '@' ? '#ddf4ff' : '#ffffff';
            const gutter = kind === '+' ? '#ccffd8' : kind === '-' ? '#ffd7d5' : kind === '@' ? '#b6e3ff' : '#ffffff';
            s += rect(x0, y, cw, 20, bg) + rect(x0, y, 100, 20, gutter);
            if (kind !== '@') {
              if (kind !== '+') s += text(x0 + 40, y + 15, String(oldN), { size: 12, fill: '#59636e', family: MONO, anchor: 'end' });
              if (kind !== '-') s += text(x0 + 90, y + 15, String(newN), { size: 12, fill: '#59636e', family: MONO, anchor: 'end' });
              if (kind !== '+') oldN++;
              if (kind !== '-') newN++;
              const code = l.slice(1);
              s += text(x0 + 108, y + 15, kind === ' ' ? ' ' : kind!, { size: 12.5, fill: '#1f2328', family: MONO });
              s += runs(x0 + 124, y + 15, highlightTs(code, LIGHT, { inComment: false }), { size: 12.5 });
            } else {
              s += text(x0 + 108, y + 15, l, { size: 12.5, fill: '#59636e', family: MONO });
            }
            y += 20;
            lineCount++;
          }
          s += rect(x0, y, cw, 1, '#d0d7de');
          y += 24;
        }
      } else {
        for (const [who, when, body] of o.comments ?? []) {
          s += avatar(x0 + 20, y + 20, 20, who, who === o.author ? '#8250df' : '#0969da');
          const p = paragraph(x0 + 72, y + 64, body, cw - 420, { size: 14, fill: '#1f2328', family: WEB, lineHeight: 22 });
          const h = p.y - y - 20;
          s += rect(x0 + 56, y, cw - 380, h, '#ffffff', { rx: 6, stroke: '#d0d7de' }) + rect(x0 + 56, y, cw - 380, 40, '#f6f8fa', { rx: 6 });
          s += text(x0 + 72, y + 25, who, { size: 14, fill: '#1f2328', weight: 'bold', family: WEB }) + text(x0 + 80 + textWidth(who, 14, WEB), y + 25, `commented ${when}`, { size: 14, fill: '#59636e', family: WEB });
          s += p.svg;
          y += h + 30;
        }
        lineCount = Math.floor((y - 300) / 20);
      }
      const band = o.tab === 'files' ? { x: x0 + 100, w: cw - 100 } : { x: x0 + 56, w: cw - 380 };
      return { h: y + 160, body: s, bg: '#ffffff', lines: { top: 344, height: 20, count: lineCount, ...band, alpha: 0.18, rgb: [255, 212, 59] } };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Q&A site

export function qaPage(o: { url: string; title: string; votes: number; asked: string; question: readonly Block[]; tags: readonly string[]; answers: readonly { votes: number; accepted?: boolean; author: string; blocks: readonly Block[] }[] }): Page {
  return {
    url: o.url,
    tabTitle: `${o.title} - Stack Overflow`,
    favicon: ['#f48024', 'S'],
    build(w) {
      const st: BlockStyle = { family: WEB, size: 15, fg: '#232629', heading: '#232629', codeBg: '#f6f6f6', codeFg: '#0c0d0e', noteBg: '#fdf7e2', noteBar: '#e6cf79', link: '#0063bf' };
      let s = rect(0, 0, w, 3, '#f48024') + rect(0, 3, w, 50, '#f8f9f9') + rect(0, 53, w, 1, '#d6d9dc');
      s += rect(160, 14, 26, 26, '#f48024', { rx: 2 }) + text(194, 34, 'stack overflow', { size: 18, fill: '#232629', family: WEB, weight: 'bold' });
      s += rect(380, 12, w - 760, 30, '#ffffff', { rx: 4, stroke: '#babfc4' }) + icon('search', 390, 19, '#838c95') + text(414, 32, 'Search…', { size: 13, fill: '#838c95', family: WEB });
      const x0 = 340;
      const cw = Math.min(900, w - x0 - 340);
      s += text(x0, 104, o.title, { size: 26, fill: '#3b4045', family: WEB });
      s += text(x0, 132, `Asked ${o.asked}   Modified 2 days ago   Viewed 3k times`, { size: 13, fill: '#6a737c', family: WEB });
      s += rect(x0, 148, cw + 80, 1, '#e3e6e8');
      // Left nav
      let ny = 100;
      for (const n of ['Home', 'Questions', 'Tags', 'Saves', 'Users', 'Companies']) {
        if (n === 'Questions') s += rect(160, ny - 20, 160, 30, '#f1f2f3') + rect(317, ny - 20, 3, 30, '#f48024');
        s += text(176, ny, n, { size: 13, fill: n === 'Questions' ? '#0c0d0e' : '#525960', family: WEB, weight: n === 'Questions' ? 'bold' : undefined });
        ny += 34;
      }
      const voteCol = (y: number, votes: number, accepted?: boolean) =>
        circle(x0 + 22, y + 20, 18, 'none', { stroke: '#babfc4' }) +
        path(`M${x0 + 14} ${y + 24} l8 -9 l8 9z`, '#3b4045') +
        text(x0 + 22, y + 70, String(votes), { size: 20, fill: '#3b4045', anchor: 'middle', family: WEB }) +
        circle(x0 + 22, y + 102, 18, 'none', { stroke: '#babfc4' }) +
        path(`M${x0 + 14} ${y + 98} l8 9 l8 -9z`, '#3b4045') +
        (accepted ? path(`M${x0 + 12} ${y + 140} l7 7 l14 -15`, 'none', { stroke: '#2f6f44', sw: 4 }) : '');
      let y = 170;
      s += voteCol(y, o.votes);
      const q = renderBlocks(x0 + 70, y, cw - 70, o.question, st);
      const tops = [...q.tops];
      s += q.svg;
      y = q.y + 8;
      let tx = x0 + 70;
      for (const t of o.tags) {
        const tw = textWidth(t, 12, WEB) + 14;
        s += rect(tx, y, tw, 24, '#e1ecf4', { rx: 4 }) + text(tx + 7, y + 16, t, { size: 12, fill: '#39739d', family: WEB });
        tx += tw + 6;
      }
      y += 60;
      s += text(x0, y, `${o.answers.length} Answers`, { size: 19, fill: '#232629', family: WEB });
      y += 24;
      for (const a of o.answers) {
        s += rect(x0, y, cw + 80, 1, '#e3e6e8');
        y += 20;
        s += voteCol(y, a.votes, a.accepted);
        const r = renderBlocks(x0 + 70, y, cw - 70, a.blocks, st);
        tops.push(...r.tops);
        s += r.svg;
        y = r.y + 6;
        s += rect(x0 + cw - 200, y, 200, 56, '#d9eaf7', { rx: 4 }) + text(x0 + cw - 190, y + 18, 'answered Mar 14, 2023', { size: 12, fill: '#6a737c', family: WEB });
        s += rect(x0 + cw - 190, y + 26, 24, 24, '#6a737c', { rx: 2 }) + text(x0 + cw - 158, y + 42, a.author, { size: 13, fill: '#0074cc', family: WEB });
        y += 80;
      }
      // Sidebar
      const sx = x0 + cw + 110;
      s += rect(sx, 170, 300, 240, '#fdf7e2', { stroke: '#f1e5bc' }) + rect(sx, 170, 300, 40, '#fbf3d5');
      s += text(sx + 14, 196, 'The Overflow Blog', { size: 13, fill: '#525960', weight: 'bold', family: WEB });
      ['Where developers feel AI coding tools are', 'Robots, rewards and reinforcement: a talk', 'Featured on Meta', 'Updates to the voting experiment'].forEach((t, i) => {
        s += text(sx + 14, 236 + i * 42, t, { size: 13, fill: '#3b4045', family: WEB });
      });
      return { h: y + 120, body: s, bg: '#ffffff', lines: { top: 0, tops, height: q.lh, count: tops.length, x: x0 + 66, w: cw - 60 } };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// A Jira-style sprint board

export interface Card {
  key: string;
  title: string;
  tag: string;
  who: string;
  points?: number;
}

export function boardPage(o: { url: string; project: string; sprint: string; columns: readonly (readonly [string, readonly Card[]])[] }): Page {
  return {
    url: o.url,
    tabTitle: `${o.sprint} - ${o.project} - Jira`,
    favicon: ['#0052cc', 'J'],
    build(w) {
      let s = rect(0, 0, w, 56, '#ffffff') + rect(0, 56, w, 1, '#dfe1e6');
      s += rect(16, 14, 28, 28, '#0052cc', { rx: 4 }) + path('M30 19l7 7-7 7-7-7z', '#fff') + text(54, 35, 'Jira', { size: 18, fill: '#172b4d', weight: 'bold', family: WEB });
      let tx = 130;
      for (const t of ['Your work', 'Projects', 'Filters', 'Dashboards', 'Teams', 'Apps']) {
        s += text(tx, 34, t, { size: 14, fill: '#42526e', family: WEB });
        tx += textWidth(t, 14, WEB) + 30;
      }
      s += rect(tx, 14, 70, 30, '#0052cc', { rx: 3 }) + text(tx + 35, 34, 'Create', { size: 14, fill: '#fff', anchor: 'middle', family: WEB });
      // Sidebar
      s += rect(0, 57, 240, 2000, '#fafbfc') + rect(240, 57, 1, 2000, '#dfe1e6');
      s += rect(20, 80, 32, 32, '#ff7452', { rx: 4 }) + text(64, 94, o.project, { size: 14, fill: '#172b4d', weight: 'bold', family: WEB }) + text(64, 110, 'Software project', { size: 12, fill: '#5e6c84', family: WEB });
      ['Timeline', 'Backlog', 'Board', 'Reports', 'Issues', 'Components', 'Releases'].forEach((t, i) => {
        if (t === 'Board') s += rect(10, 146 + i * 38, 220, 34, '#e9f2ff', { rx: 3 });
        s += icon(['chart', 'menu', 'ext', 'chart', 'files', 'frame', 'star'][i]!, 24, 154 + i * 38, t === 'Board' ? '#0c66e4' : '#42526e');
        s += text(52, 168 + i * 38, t, { size: 14, fill: t === 'Board' ? '#0c66e4' : '#42526e', family: WEB });
      });
      const x0 = 272;
      s += text(x0, 90, `Projects / ${o.project}`, { size: 13, fill: '#5e6c84', family: WEB });
      s += text(x0, 126, o.sprint, { size: 24, fill: '#172b4d', weight: 'bold', family: WEB });
      s += rect(x0, 146, 200, 32, '#ffffff', { rx: 3, stroke: '#dfe1e6' }) + icon('search', x0 + 10, 154, '#5e6c84') + text(x0 + 36, 167, 'Search this board', { size: 13, fill: '#7a869a', family: WEB });
      ['Alice Client', 'Dev', 'Designer', 'Tomás Ruiz'].forEach((n, i) => (s += avatar(x0 + 230 + i * 26, 162, 14, n, ['#00875a', '#0052cc', '#ff5630', '#6554c0'][i]!)));
      const colW = Math.min(300, (w - x0 - 40) / o.columns.length - 12);
      o.columns.forEach(([name, cards], ci) => {
        const cx = x0 + ci * (colW + 12);
        const colH = 60 + cards.length * 118 + 40;
        s += rect(cx, 200, colW, Math.max(colH, 560), '#f4f5f7', { rx: 4 });
        s += text(cx + 12, 226, `${name.toUpperCase()}  ${cards.length}`, { size: 12, fill: '#5e6c84', weight: 'bold', family: WEB });
        cards.forEach((c, i) => {
          const y = 244 + i * 118;
          s += rect(cx + 8, y, colW - 16, 108, '#ffffff', { rx: 3, stroke: '#dfe1e6' });
          const p = paragraph(cx + 20, y + 24, c.title, colW - 50, { size: 14, fill: '#172b4d', family: WEB, lineHeight: 19 });
          s += p.svg;
          const tagColor = c.tag === 'bug' ? '#ffebe6' : c.tag === 'design' ? '#eae6ff' : '#e3fcef';
          const tagFg = c.tag === 'bug' ? '#bf2600' : c.tag === 'design' ? '#403294' : '#006644';
          s += rect(cx + 20, y + 66, textWidth(c.tag.toUpperCase(), 11, WEB) + 12, 18, tagColor, { rx: 3 }) + text(cx + 26, y + 79, c.tag.toUpperCase(), { size: 11, fill: tagFg, weight: 'bold', family: WEB });
          s += rect(cx + 20, y + 88, 12, 12, c.tag === 'bug' ? '#e5493a' : '#65ba43', { rx: 2 }) + text(cx + 38, y + 99, c.key, { size: 12, fill: '#5e6c84', family: WEB });
          if (c.points) s += rect(cx + colW - 80, y + 86, 22, 16, '#dfe1e6', { rx: 8 }) + text(cx + colW - 69, y + 98, String(c.points), { size: 11, fill: '#172b4d', anchor: 'middle', family: WEB });
          s += avatar(cx + colW - 36, y + 93, 11, c.who, c.who.startsWith('D') ? '#0052cc' : '#6554c0');
        });
      });
      const maxCards = Math.max(...o.columns.map(([, c]) => c.length));
      return { h: Math.max(900, 300 + maxCards * 118 + 100), body: s, bg: '#ffffff' };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// An encyclopedia article

export function wikiPage(o: { title: string; lead: string; sections: readonly Block[]; figure: 'arm' | 'key' }): Page {
  return {
    url: `en.wikipedia.org/wiki/${o.title.replace(/ /g, '_')}`,
    tabTitle: `${o.title} - Wikipedia`,
    favicon: ['#333333', 'W'],
    build(w) {
      const st: BlockStyle = { family: WEB, size: 15, fg: '#202122', heading: '#000000', headingFamily: SERIF, codeBg: '#f8f9fa', codeFg: '#000', noteBg: '#f8f9fa', noteBar: '#a2a9b1', link: '#3366cc', rule: '#a2a9b1' };
      let s = rect(0, 0, w, 60, '#ffffff') + icon('menu', 24, 22, '#202122');
      s += circle(84, 30, 18, 'none', { stroke: '#888', sw: 1.5 }) + text(84, 37, 'W', { size: 18, fill: '#333', anchor: 'middle', family: SERIF });
      s += text(112, 28, 'WIKIPEDIA', { size: 16, fill: '#000', family: SERIF }) + text(112, 44, 'The Free Encyclopedia', { size: 11, fill: '#54595d', family: SERIF, italic: true });
      s += rect(300, 14, 460, 34, '#ffffff', { rx: 2, stroke: '#a2a9b1' }) + icon('search', 310, 23, '#72777d') + text(336, 36, 'Search Wikipedia', { size: 14, fill: '#72777d', family: WEB }) + rect(766, 14, 70, 34, '#f8f9fa', { rx: 2, stroke: '#a2a9b1' }) + text(801, 36, 'Search', { size: 14, fill: '#202122', anchor: 'middle', family: WEB, weight: 'bold' });
      const x0 = 270;
      const cw = Math.min(960, w - x0 - 60);
      s += text(x0, 112, o.title, { size: 30, fill: '#000', family: SERIF }) + rect(x0, 124, cw, 1, '#a2a9b1');
      s += text(x0, 150, 'Article   Talk', { size: 13, fill: '#3366cc', family: WEB }) + text(x0 + cw, 150, 'Read   Edit   View history   Tools', { size: 13, fill: '#3366cc', family: WEB, anchor: 'end' });
      s += text(x0, 186, 'From Wikipedia, the free encyclopedia', { size: 13, fill: '#54595d', family: WEB });
      // Contents
      s += text(30, 120, 'Contents', { size: 15, fill: '#202122', weight: 'bold', family: WEB });
      let ty = 150;
      s += text(30, ty, '(Top)', { size: 14, fill: '#202122', family: WEB });
      for (const b of o.sections) {
        if ('h2' in b) {
          ty += 28;
          s += text(30, ty, b.h2, { size: 14, fill: '#3366cc', family: WEB });
        }
      }
      // Infobox with a figure
      const ibW = 300;
      const ibX = x0 + cw - ibW;
      s += rect(ibX, 210, ibW, 330, '#f8f9fa', { stroke: '#a2a9b1' });
      s += rect(ibX + 10, 220, ibW - 20, 250, '#ffffff');
      if (o.figure === 'arm') {
        s += rect(ibX + 110, 430, 80, 24, '#6b7280') + circle(ibX + 150, 428, 16, '#374151');
        s += line(ibX + 150, 428, ibX + 110, 330, '#f59e0b', 14) + circle(ibX + 110, 330, 10, '#374151') + line(ibX + 110, 330, ibX + 200, 270, '#f59e0b', 11) + circle(ibX + 200, 270, 8, '#374151') + line(ibX + 200, 270, ibX + 236, 300, '#9ca3af', 6);
        s += path(`M${ibX + 150} 428 A 60 60 0 0 0 ${ibX + 128} 372`, 'none', { stroke: '#2563eb', sw: 1.5, dash: '4 3' }) + text(ibX + 120, 400, 'θ₁', { size: 14, fill: '#2563eb', family: SERIF, italic: true });
        s += path(`M${ibX + 110} 330 A 40 40 0 0 1 ${ibX + 144} 310`, 'none', { stroke: '#2563eb', sw: 1.5, dash: '4 3' }) + text(ibX + 124, 300, 'θ₂', { size: 14, fill: '#2563eb', family: SERIF, italic: true });
        s += circle(ibX + 236, 300, 4, '#dc2626') + text(ibX + 244, 296, '(x, y)', { size: 13, fill: '#dc2626', family: SERIF, italic: true });
      } else {
        s += rect(ibX + 40, 260, 90, 60, '#dbeafe', { rx: 6, stroke: '#2563eb' }) + text(ibX + 85, 295, 'Client', { size: 14, fill: '#1e3a8a', anchor: 'middle', family: WEB });
        s += rect(ibX + 170, 260, 90, 60, '#fef3c7', { rx: 6, stroke: '#d97706' }) + text(ibX + 215, 295, 'Auth', { size: 14, fill: '#78350f', anchor: 'middle', family: WEB });
        s += rect(ibX + 105, 380, 90, 60, '#dcfce7', { rx: 6, stroke: '#16a34a' }) + text(ibX + 150, 415, 'API', { size: 14, fill: '#14532d', anchor: 'middle', family: WEB });
        s += line(ibX + 130, 280, ibX + 170, 280, '#374151', 1.5) + line(ibX + 170, 300, ibX + 130, 300, '#374151', 1.5) + line(ibX + 85, 320, ibX + 120, 380, '#374151', 1.5);
      }
      const cap = paragraph(ibX + 14, 492, o.figure === 'arm' ? 'A two-link planar arm: the joint angles θ₁, θ₂ place the end effector at (x, y).' : 'The flow of an access token between client, server and API.', ibW - 28, { size: 12, fill: '#202122', family: WEB, lineHeight: 17 });
      s += cap.svg;
      const lead = paragraph(x0, 226, o.lead, cw - ibW - 30, { size: 15, fill: '#202122', family: WEB, lineHeight: 24 });
      s += lead.svg;
      const body = renderBlocks(x0, Math.max(lead.y + 10, 560), cw, o.sections, st);
      s += body.svg;
      return { h: body.y + 160, body: s, bg: '#ffffff', lines: { top: 0, tops: body.tops, height: body.lh, count: body.tops.length, x: x0 - 4, w: cw + 8 } };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Mail

export interface Mail {
  from: string;
  subject: string;
  snippet: string;
  when: string;
  unread?: boolean;
  starred?: boolean;
}

export function mailPage(o: { account: string; mails: readonly Mail[]; label?: string }): Page {
  return {
    url: 'mail.google.com/mail/u/0/#inbox',
    tabTitle: `Inbox (${o.mails.filter((m) => m.unread).length}) - ${o.account} - Gmail`,
    favicon: ['#ea4335', 'M'],
    build(w) {
      let s = rect(0, 0, w, 64, '#f6f8fc') + icon('menu', 22, 22, '#444746', 20);
      s += path('M70 22 h30 v22 h-30z', '#ffffff') + path('M70 22 l15 12 l15 -12', 'none', { stroke: '#ea4335', sw: 3 }) + text(110, 40, 'Gmail', { size: 22, fill: '#5f6368', family: WEB });
      s += rect(240, 10, Math.min(720, w - 500), 46, '#eaf1fb', { rx: 23 }) + icon('search', 258, 22, '#444746', 20) + text(296, 39, 'Search mail', { size: 16, fill: '#444746', family: WEB });
      s += icon('gear', w - 140, 22, '#444746', 20) + avatar(w - 40, 32, 16, o.account, '#1a73e8');
      s += rect(10, 78, 140, 56, '#c2e7ff', { rx: 16 }) + icon('pen', 30, 96, '#001d35', 20) + text(64, 112, 'Compose', { size: 14, fill: '#001d35', family: WEB, weight: 'bold' });
      [['Inbox', String(o.mails.filter((m) => m.unread).length)], ['Starred', ''], ['Snoozed', ''], ['Sent', ''], ['Drafts', '3'], ['More', '']].forEach(([t, n], i) => {
        const y = 160 + i * 34;
        if (i === 0) s += rect(0, y - 22, 250, 32, '#d3e3fd', { rx: 16 });
        s += icon(['inbox', 'star', 'bell', 'send', 'files', 'chevron'][i]!, 26, y - 13, '#444746') + text(64, y, t!, { size: 14, fill: '#202124', family: WEB, weight: i === 0 ? 'bold' : undefined });
        if (n) s += text(236, y, n, { size: 12, fill: '#202124', family: WEB, anchor: 'end', weight: 'bold' });
      });
      s += text(26, 390, 'Labels', { size: 15, fill: '#202124', family: WEB });
      ['Acme', 'Globex', 'Invoices', 'Timesheets'].forEach((t, i) => (s += rect(28, 410 + i * 32, 12, 12, ['#f28b82', '#fbbc04', '#34a853', '#4285f4'][i]!, { rx: 2 }) + text(64, 421 + i * 32, t, { size: 14, fill: '#202124', family: WEB })));
      const lx = 256;
      const lw = w - lx - 20;
      s += rect(lx, 72, lw, 2000, '#ffffff', { rx: 16 });
      s += rect(lx + 20, 90, 14, 14, 'none', { stroke: '#444746', sw: 1.5, rx: 2 }) + icon('reload', lx + 60, 89, '#444746') + icon('dots', lx + 96, 89, '#444746') + text(lx + lw - 80, 102, `1–${o.mails.length} of 2,314`, { size: 12, fill: '#444746', family: WEB, anchor: 'end' });
      const tabs = ['Primary', 'Promotions', 'Social', 'Updates'];
      tabs.forEach((t, i) => {
        const tx = lx + i * 220;
        s += icon(['inbox', 'star', 'user', 'bell'][i]!, tx + 20, 132, i === 0 ? '#0b57d0' : '#444746') + text(tx + 56, 145, t, { size: 14, fill: i === 0 ? '#0b57d0' : '#444746', family: WEB, weight: i === 0 ? 'bold' : undefined });
        if (i === 0) s += rect(tx + 10, 162, 200, 3, '#0b57d0', { rx: 1.5 });
      });
      s += rect(lx, 165, lw, 1, '#e0e0e0');
      o.mails.forEach((m, i) => {
        const y = 166 + i * 40;
        s += rect(lx, y, lw, 40, m.unread ? '#ffffff' : '#f2f6fc') + rect(lx, y + 39, lw, 1, '#eceff1');
        s += rect(lx + 20, y + 13, 14, 14, 'none', { stroke: '#8a8a8a', sw: 1.3, rx: 2 }) + icon('star', lx + 50, y + 12, m.starred ? '#f4b400' : '#8a8a8a');
        const weight = m.unread ? 'bold' : undefined;
        s += text(lx + 84, y + 25, m.from, { size: 14, fill: '#202124', family: WEB, weight });
        const subj = m.subject;
        const sw = textWidth(subj, 14, WEB) * (m.unread ? 1.1 : 1.02);
        s += text(lx + 300, y + 25, subj, { size: 14, fill: '#202124', family: WEB, weight });
        s += text(lx + 306 + sw, y + 25, clip(` – ${m.snippet}`, lw - 420 - sw, 14), { size: 14, fill: '#5f6368', family: WEB });
        s += text(lx + lw - 20, y + 25, m.when, { size: 12, fill: '#202124', family: WEB, anchor: 'end', weight });
      });
      const h = Math.max(900, 166 + o.mails.length * 40 + 200);
      return { h, body: s, bg: '#f6f8fc', lines: { top: 166, height: 40, count: o.mails.length, x: lx, w: lw, alpha: 0.12, rgb: [66, 133, 244] } };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Spreadsheet (Google Sheets)

export function sheetPage(o: { title: string; columns: readonly (readonly [string, number])[]; rows: readonly (readonly (string | number)[])[]; chart?: { title: string; bars: readonly (readonly [string, number])[] } }): Page {
  return {
    url: 'docs.google.com/spreadsheets/d/1vRk8Ac3mE0nBOM/edit#gid=0',
    tabTitle: `${o.title} - Google Sheets`,
    favicon: ['#0f9d58', 'S'],
    build(w) {
      // Fixed top: title, menus, toolbar, formula bar, column letters
      let f = rect(0, 0, w, 150, '#f9fbfd');
      f += rect(16, 10, 30, 38, '#0f9d58', { rx: 3 }) + rect(22, 22, 18, 18, 'none', { stroke: '#fff', sw: 2 }) + line(22, 31, 40, 31, '#fff', 2) + line(31, 22, 31, 40, '#fff', 2);
      f += text(60, 28, o.title, { size: 18, fill: '#1f1f1f', family: WEB }) + icon('star', 70 + textWidth(o.title, 18, WEB), 14, '#444746');
      let mx = 60;
      for (const m of ['File', 'Edit', 'View', 'Insert', 'Format', 'Data', 'Tools', 'Extensions', 'Help']) {
        f += text(mx, 50, m, { size: 14, fill: '#1f1f1f', family: WEB });
        mx += textWidth(m, 14, WEB) + 18;
      }
      f += rect(w - 150, 14, 110, 36, '#c2e7ff', { rx: 18 }) + icon('lock', w - 134, 24, '#001d35') + text(w - 110, 37, 'Share', { size: 14, fill: '#001d35', family: WEB, weight: 'bold' });
      f += rect(10, 64, w - 20, 40, '#edf2fa', { rx: 20 });
      const tools = ['back', 'fwd', 'files', 'search'];
      tools.forEach((t, i) => (f += icon(t, 30 + i * 32, 76, '#444746')));
      f += text(170, 89, '100%  ▾   $   %   .0   .00   123 ▾   Default (Ari… ▾   10   B   I   S   A', { size: 13, fill: '#444746', family: WEB });
      f += rect(0, 108, w, 28, '#ffffff') + rect(0, 108, w, 1, '#e1e1e1');
      f += text(14, 127, 'E14', { size: 13, fill: '#444746', family: WEB }) + rect(80, 112, 1, 20, '#c7c7c7') + text(96, 127, 'fx', { size: 13, fill: '#8a8a8a', family: SERIF, italic: true }) + text(124, 127, '=C14*D14', { size: 13, fill: '#1f1f1f', family: WEB });
      const rowH = 24;
      f += rect(0, 136, w, 22, '#f8f9fa') + rect(0, 157, w, 1, '#c7c7c7');
      let cx = 46;
      const colX: number[] = [];
      o.columns.forEach(([, cw], i) => {
        colX.push(cx);
        f += text(cx + cw / 2, 151, String.fromCharCode(65 + i), { size: 12, fill: i === 4 ? '#0b57d0' : '#444746', anchor: 'middle', family: WEB, weight: i === 4 ? 'bold' : undefined }) + rect(cx + cw - 1, 136, 1, 22, '#c7c7c7');
        cx += cw;
      });
      // Body rows (scroll)
      const all = [o.columns.map(([n]) => n), ...o.rows];
      const extra = 22;
      const nRows = all.length + extra;
      let s = '';
      for (let r = 0; r < nRows; r++) {
        const y = r * rowH;
        s += rect(0, y, 46, rowH, '#f8f9fa') + text(23, y + 16, String(r + 1), { size: 11, fill: '#444746', anchor: 'middle', family: WEB });
        s += rect(0, y + rowH - 1, w, 1, '#e2e2e2');
        const row = all[r];
        if (r === 0) s += rect(46, y, w - 46, rowH, '#e6f4ea');
        if (!row) continue;
        row.forEach((v, c) => {
          const x = colX[c];
          if (x === undefined) return;
          const cw = o.columns[c]![1];
          const num = typeof v === 'number';
          const str = num ? (Number.isInteger(v) ? v.toLocaleString('en-US') : v.toFixed(2)) : v;
          s += text(num ? x + cw - 6 : x + 6, y + 17, clip(str, cw - 10, 13), { size: 13, fill: '#1f1f1f', family: WEB, anchor: num ? 'end' : 'start', weight: r === 0 ? 'bold' : undefined });
        });
      }
      colX.forEach((x, i) => (s += rect(x + o.columns[i]![1] - 1, 0, 1, nRows * rowH, '#e2e2e2')));
      s += rect(46, 0, 1, nRows * rowH, '#c7c7c7');
      // A floating chart over the empty rows below the table
      if (o.chart) {
        const cy = (all.length + 2) * rowH + 10;
        const cx0 = 80;
        const cw = 560;
        const chh = 300;
        s += rect(cx0, cy, cw, chh, '#ffffff', { stroke: '#dadce0' }) + text(cx0 + 20, cy + 32, o.chart.title, { size: 15, fill: '#1f1f1f', family: WEB });
        const max = Math.max(...o.chart.bars.map(([, v]) => v));
        const bw = (cw - 80) / o.chart.bars.length;
        o.chart.bars.forEach(([label, v], i) => {
          const bh = (v / max) * (chh - 110);
          const bx = cx0 + 50 + i * bw;
          s += rect(bx + 6, cy + chh - 50 - bh, bw - 12, bh, i % 2 ? '#34a853' : '#4285f4');
          s += text(bx + bw / 2, cy + chh - 32, label, { size: 11, fill: '#5f6368', family: WEB, anchor: 'middle' });
        });
        s += rect(cx0 + 44, cy + chh - 50, cw - 70, 1, '#9aa0a6');
      }
      // Selected cell
      const selX = colX[4];
      if (selX !== undefined) s += rect(selX, 13 * rowH, o.columns[4]![1], rowH, 'none', { stroke: '#1a73e8', sw: 2 }) + rect(selX + o.columns[4]![1] - 4, 14 * rowH - 4, 7, 7, '#1a73e8');
      return {
        fixed: { h: 158, body: f },
        h: nRows * rowH,
        body: s,
        bg: '#ffffff',
        lines: { top: 0, height: rowH, count: all.length, x: 46, w: cx - 46, alpha: 0.12, rgb: [26, 115, 232] },
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Image grids (Dribbble-style inspiration) and marketing pages: drawn from a seeded RNG.

const PALETTES = [
  ['#0f172a', '#38bdf8', '#f8fafc', '#f59e0b'],
  ['#1e1b4b', '#a78bfa', '#f472b6', '#fde68a'],
  ['#064e3b', '#34d399', '#ecfdf5', '#fbbf24'],
  ['#fff7ed', '#fb923c', '#7c2d12', '#1f2937'],
  ['#f1f5f9', '#6366f1', '#0f172a', '#22d3ee'],
  ['#111827', '#ef4444', '#f9fafb', '#9ca3af'],
  ['#fdf2f8', '#db2777', '#831843', '#fcd34d'],
  ['#ecfeff', '#0891b2', '#164e63', '#f97316'],
] as const;

/** A small abstract "shot": a UI or an illustration made of shapes. */
export function shotArt(x: number, y: number, w: number, h: number, seed: string): string {
  const rng = rngFor('shot', seed);
  const [bg, a, b, c] = rng.pick(PALETTES);
  let s = rect(x, y, w, h, bg, { rx: 8 });
  const kind = rng.int(0, 6);
  if (kind === 0) {
    // App UI card
    s += rect(x + w * 0.12, y + h * 0.12, w * 0.76, h * 0.76, b, { rx: 10 });
    s += rect(x + w * 0.18, y + h * 0.2, w * 0.3, 10, a, { rx: 5 }) + rect(x + w * 0.18, y + h * 0.2 + 18, w * 0.5, 6, c, { rx: 3, opacity: 0.7 });
    const bars = 7;
    for (let i = 0; i < bars; i++) {
      const bh = rng.range(0.15, 0.4) * h;
      s += rect(x + w * 0.2 + i * ((w * 0.6) / bars), y + h * 0.78 - bh, (w * 0.6) / bars - 6, bh, i % 3 === 0 ? c : a, { rx: 3 });
    }
  } else if (kind === 1) {
    // Geometric illustration
    for (let i = 0; i < 5; i++) {
      s += circle(x + rng.range(0.2, 0.8) * w, y + rng.range(0.2, 0.8) * h, rng.range(0.08, 0.3) * Math.min(w, h), rng.pick([a, b, c]), { opacity: rng.range(0.6, 1) });
    }
    s += rect(x + w * 0.3, y + h * 0.55, w * 0.4, h * 0.08, b, { rx: 4 });
  } else if (kind === 2) {
    // Landing hero
    s += rect(x + 16, y + 14, 40, 8, b, { rx: 4 }) + rect(x + w - 90, y + 12, 70, 12, a, { rx: 6 });
    s += rect(x + 16, y + h * 0.3, w * 0.5, 16, b, { rx: 3 }) + rect(x + 16, y + h * 0.3 + 24, w * 0.4, 16, b, { rx: 3 });
    s += rect(x + 16, y + h * 0.3 + 56, w * 0.35, 8, c, { rx: 4, opacity: 0.8 }) + rect(x + 16, y + h * 0.3 + 84, 90, 24, a, { rx: 12 });
    s += circle(x + w * 0.78, y + h * 0.55, Math.min(w, h) * 0.24, a, { opacity: 0.9 }) + circle(x + w * 0.86, y + h * 0.42, Math.min(w, h) * 0.1, c);
  } else if (kind === 4) {
    // Phone mockups
    const pw = Math.min(w * 0.26, h * 0.42);
    for (let i = 0; i < 3; i++) {
      const px = x + w * 0.5 + (i - 1) * (pw + 14) - pw / 2;
      const py = y + h * 0.14 + (i === 1 ? 0 : 14);
      s += rect(px, py, pw, h * 0.8, b, { rx: 12 }) + rect(px + 8, py + 16, pw - 16, h * 0.22, i === 1 ? a : c, { rx: 8 });
      for (let l = 0; l < 4; l++) s += rect(px + 10, py + h * 0.3 + 16 + l * 14, (pw - 20) * rng.range(0.4, 1), 6, bg, { rx: 3, opacity: 0.35 });
      s += rect(px + 10, py + h * 0.8 - 30, pw - 20, 16, a, { rx: 8 });
    }
  } else if (kind === 5) {
    // Type poster
    s += text(x + w * 0.08, y + h * 0.62, rng.pick(['Aa', 'Rr', 'Gg', '&', 'Qq']), { size: Math.round(h * 0.55), fill: a, family: SERIF, weight: 'bold' });
    for (let l = 0; l < 5; l++) s += rect(x + w * 0.58, y + h * (0.25 + l * 0.1), w * rng.range(0.18, 0.32), 7, l === 0 ? c : b, { rx: 3, opacity: l === 0 ? 1 : 0.6 });
    s += rect(x + w * 0.58, y + h * 0.78, w * 0.22, 16, c, { rx: 8 });
  } else if (kind === 6) {
    // Dashboard with a line chart
    s += rect(x + 12, y + 12, w * 0.2, h - 24, b, { rx: 6, opacity: 0.9 });
    for (let l = 0; l < 5; l++) s += rect(x + 20, y + 30 + l * 18, w * 0.2 - 16, 6, bg, { rx: 3, opacity: 0.3 });
    const gx = x + w * 0.27;
    const gw = w * 0.68;
    s += rect(gx, y + 12, gw, h * 0.55, b, { rx: 6, opacity: 0.95 });
    let d = `M${gx + 10} ${y + h * 0.5}`;
    for (let i = 1; i <= 8; i++) d += ` L${gx + 10 + (i * (gw - 20)) / 8} ${y + h * rng.range(0.18, 0.5)}`;
    s += path(d, 'none', { stroke: a, sw: 3, linejoin: 'round' });
    for (let i = 0; i < 3; i++) s += rect(gx + i * (gw / 3), y + h * 0.62, gw / 3 - 8, h * 0.3, i === 1 ? c : b, { rx: 6, opacity: 0.9 });
  } else {
    // Robot-ish mark / icon grid
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 2; j++) {
        const cx = x + w * (0.22 + i * 0.28);
        const cy = y + h * (0.32 + j * 0.38);
        s += rect(cx - 22, cy - 22, 44, 44, j ? a : b, { rx: 12 }) + circle(cx, cy, 9, j ? b : c);
      }
  }
  return s;
}

export function galleryPage(o: { query: string; seed: string }): Page {
  return {
    url: `dribbble.com/search/${o.query.replace(/ /g, '-')}`,
    tabTitle: `Browse thousands of ${o.query} images for design inspiration | Dribbble`,
    favicon: ['#ea4c89', 'D'],
    build(w) {
      let s = rect(0, 0, w, 80, '#ffffff') + text(40, 50, 'Dribbble', { size: 28, fill: '#0d0c22', family: SERIF, italic: true, weight: 'bold' });
      let tx = 220;
      for (const t of ['Explore', 'Hire a Designer', 'Find Jobs', 'Blog']) {
        s += text(tx, 46, t, { size: 15, fill: '#0d0c22', family: WEB, weight: 'bold' });
        tx += textWidth(t, 15, WEB) + 36;
      }
      s += rect(w - 470, 20, 260, 40, '#f3f3f4', { rx: 20 }) + icon('search', w - 450, 32, '#6e6d7a') + text(w - 420, 45, o.query, { size: 14, fill: '#0d0c22', family: WEB });
      s += rect(w - 190, 20, 150, 40, '#0d0c22', { rx: 20 }) + text(w - 115, 45, 'Share work', { size: 14, fill: '#fff', anchor: 'middle', family: WEB, weight: 'bold' });
      s += text(w / 2, 150, o.query.replace(/\b\w/g, (c) => c.toUpperCase()), { size: 40, fill: '#0d0c22', anchor: 'middle', family: SERIF, weight: 'bold' });
      s += text(w / 2, 186, '2,418 inspirational designs, illustrations, and graphic elements', { size: 16, fill: '#3d3d4e', anchor: 'middle', family: WEB });
      const cols = 4;
      const gap = 36;
      const cw = (w - 80 - gap * (cols - 1)) / cols;
      const ch = cw * 0.75;
      const rows = 5;
      const names = ['Halo Lab', 'Ramotion', 'Fireart', 'Outcrowd', 'Tubik', 'Cuberto', 'Zajno', 'Purrweb', 'Dmitry L.', 'Anna K.', 'Orizon', 'Nixtio'];
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) {
          const x = 40 + c * (cw + gap);
          const y = 230 + r * (ch + 70);
          s += shotArt(x, y, cw, ch, `${o.seed}-${r}-${c}`);
          const n = names[(r * cols + c) % names.length]!;
          s += avatar(x + 12, y + ch + 22, 12, n, '#9ca3af') + text(x + 32, y + ch + 27, n, { size: 14, fill: '#0d0c22', family: WEB, weight: 'bold' });
          s += text(x + cw, y + ch + 27, `♥ ${(r * 37 + c * 53) % 400 + 40}   ${(r * 7 + c * 3) % 20 + 2}.${c}k views`, { size: 12, fill: '#6e6d7a', family: WEB, anchor: 'end' });
        }
      return { h: 230 + rows * (ch + 70) + 60, body: s, bg: '#ffffff' };
    },
  };
}

export function landingPage(o: { brand: string; url: string; headline: string; sub: string; accent: string; dark: string; features: readonly (readonly [string, string])[] }): Page {
  return {
    url: o.url,
    tabTitle: `${o.brand} — ${o.headline}`,
    favicon: [o.accent, o.brand[0]!],
    build(w) {
      let s = rect(0, 0, w, 620, o.dark);
      s += rect(60, 28, 30, 30, o.accent, { rx: 8 }) + text(102, 51, o.brand, { size: 22, fill: '#fff', family: WEB, weight: 'bold' });
      let tx = w / 2 - 220;
      for (const t of ['Products', 'Solutions', 'Pricing', 'Customers', 'Docs']) {
        s += text(tx, 48, t, { size: 15, fill: '#cbd5e1', family: WEB });
        tx += textWidth(t, 15, WEB) + 34;
      }
      s += rect(w - 200, 22, 140, 40, o.accent, { rx: 20 }) + text(w - 130, 47, 'Book a demo', { size: 14, fill: '#fff', anchor: 'middle', family: WEB, weight: 'bold' });
      const head = paragraph(80, 220, o.headline, 640, { size: 54, fill: '#ffffff', family: WEB, weight: 'bold', lineHeight: 64 });
      s += head.svg;
      const sub = paragraph(80, head.y + 30, o.sub, 560, { size: 19, fill: '#cbd5e1', family: WEB, lineHeight: 30 });
      s += sub.svg;
      s += rect(80, sub.y + 30, 180, 52, o.accent, { rx: 26 }) + text(170, sub.y + 62, 'Get started', { size: 16, fill: '#fff', anchor: 'middle', family: WEB, weight: 'bold' });
      s += rect(276, sub.y + 30, 180, 52, 'none', { rx: 26, stroke: '#64748b', sw: 1.5 }) + text(366, sub.y + 62, 'Watch video  ▶', { size: 16, fill: '#fff', anchor: 'middle', family: WEB });
      // Product illustration: a robot arm on a workcell
      const ax = w - 520;
      s += rect(ax, 140, 420, 400, '#1e293b', { rx: 24 }) + rect(ax + 40, 460, 340, 30, '#334155', { rx: 6 });
      s += rect(ax + 150, 420, 120, 44, '#475569', { rx: 8 }) + circle(ax + 210, 416, 26, '#0f172a', { stroke: o.accent, sw: 4 });
      s += line(ax + 210, 416, ax + 160, 290, o.accent, 26) + circle(ax + 160, 290, 20, '#0f172a', { stroke: o.accent, sw: 4 });
      s += line(ax + 160, 290, ax + 300, 230, '#e2e8f0', 20) + circle(ax + 300, 230, 14, '#0f172a', { stroke: '#e2e8f0', sw: 3 });
      s += line(ax + 300, 230, ax + 330, 290, '#94a3b8', 10) + rect(ax + 316, 288, 30, 14, '#94a3b8', { rx: 3 });
      s += rect(ax + 300, 420, 50, 40, '#f59e0b', { rx: 4 });
      // Logos
      s += rect(0, 620, w, 120, '#f8fafc');
      s += text(w / 2, 660, 'TRUSTED BY MANUFACTURING TEAMS AT', { size: 12, fill: '#64748b', anchor: 'middle', family: WEB, weight: 'bold' });
      ['NORTHWIND', 'INITECH', 'UMBRELLA', 'HOOLI', 'VANDELAY', 'STARK IND.'].forEach((n, i) => (s += text(120 + i * ((w - 240) / 5), 710, n, { size: 22, fill: '#94a3b8', anchor: 'middle', family: WEB, weight: 'bold' })));
      // Features
      s += text(w / 2, 820, 'Everything your cell needs', { size: 36, fill: '#0f172a', anchor: 'middle', family: WEB, weight: 'bold' });
      const fw = (w - 240) / 3;
      o.features.forEach(([t, d], i) => {
        const fx = 80 + i * (fw + 40);
        s += rect(fx, 880, fw, 260, '#ffffff', { rx: 16, stroke: '#e2e8f0' }) + rect(fx + 28, 910, 48, 48, o.accent, { rx: 12, opacity: 0.15 }) + icon(['chart', 'gear', 'lock'][i % 3]!, fx + 40, 922, o.accent, 24);
        s += text(fx + 28, 1000, t, { size: 20, fill: '#0f172a', family: WEB, weight: 'bold' });
        s += paragraph(fx + 28, 1034, d, fw - 56, { size: 15, fill: '#475569', family: WEB, lineHeight: 24 }).svg;
      });
      s += rect(0, 1200, w, 400, o.dark) + text(w / 2, 1300, 'Deploy your first cell in a week', { size: 34, fill: '#fff', anchor: 'middle', family: WEB, weight: 'bold' });
      s += rect(w / 2 - 90, 1340, 180, 50, o.accent, { rx: 25 }) + text(w / 2, 1371, 'Talk to sales', { size: 16, fill: '#fff', anchor: 'middle', family: WEB, weight: 'bold' });
      return { h: 1600, body: s, bg: '#ffffff' };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// API reference: navigation, prose, and a dark code column (Stripe-like)

export function apiRefPage(o: { brand: string; accent: string; url: string; title: string; nav: readonly string[]; active: string; sections: readonly { title: string; blocks: readonly Block[]; code: string; codeTitle: string }[] }): Page {
  return {
    url: o.url,
    tabTitle: `${o.title} | ${o.brand} API Reference`,
    favicon: [o.accent, o.brand[0]!],
    build(w) {
      const navW = 260;
      const codeW = Math.round((w - navW) * 0.44);
      const midX = navW + 48;
      const midW = w - navW - codeW - 96;
      const st: BlockStyle = { family: WEB, size: 15, fg: '#3c4257', heading: '#1a1f36', codeBg: '#f7fafc', codeFg: '#3c4257', noteBg: '#f7fafc', noteBar: o.accent, link: o.accent, rule: '#e3e8ee' };
      let s = '';
      let y = 40;
      const tops: number[] = [];
      for (const sec of o.sections) {
        s += text(midX, y + 30, sec.title, { size: 26, fill: '#1a1f36', family: WEB, weight: 'bold' });
        const r = renderBlocks(midX, y + 54, midW, sec.blocks, st);
        tops.push(...r.tops);
        s += r.svg;
        const codeLines = sec.code.split('\n');
        const cx = w - codeW - 24;
        const ch = codeLines.length * 20 + 60;
        s += rect(cx, y + 20, codeW, ch, '#2a2f45', { rx: 8 }) + rect(cx, y + 20, codeW, 36, '#3c4257', { rx: 8 }) + rect(cx, y + 48, codeW, 8, '#3c4257');
        s += text(cx + 16, y + 43, sec.codeTitle, { size: 12, fill: '#c1c9d2', family: WEB, weight: 'bold' }) + text(cx + codeW - 16, y + 43, 'curl ▾', { size: 12, fill: '#c1c9d2', family: WEB, anchor: 'end' });
        const state = { inComment: false };
        codeLines.forEach((l, i) => (s += runs(cx + 16, y + 80 + i * 20, highlightTs(l, DARK_CODE, state), { size: 13 })));
        y = Math.max(r.y, y + 20 + ch) + 60;
        s += rect(midX, y - 30, w - midX - 24, 1, '#e3e8ee');
      }
      let nav = rect(0, 0, navW, y + 200, '#f7fafc') + rect(navW, 0, 1, y + 200, '#e3e8ee');
      nav += rect(24, 18, 28, 28, o.accent, { rx: 6 }) + text(62, 38, `${o.brand} API`, { size: 16, fill: '#1a1f36', family: WEB, weight: 'bold' });
      nav += rect(24, 60, navW - 48, 32, '#ffffff', { rx: 6, stroke: '#e3e8ee' }) + icon('search', 34, 68, '#8792a2') + text(58, 81, 'Search the docs', { size: 13, fill: '#8792a2', family: WEB });
      o.nav.forEach((n, i) => {
        const ny = 130 + i * 30;
        const head = n.startsWith('#');
        const label = head ? n.slice(1) : n;
        if (label === o.active) nav += rect(16, ny - 19, navW - 32, 28, '#ffffff', { rx: 5 });
        nav += text(head ? 28 : 40, ny, label, { size: head ? 12 : 14, fill: head ? '#8792a2' : label === o.active ? o.accent : '#3c4257', family: WEB, weight: head || label === o.active ? 'bold' : undefined });
      });
      return { h: y + 200, body: nav + s, bg: '#ffffff', lines: { top: 0, tops, height: 25, count: tops.length, x: midX - 4, w: midW + 8 } };
    },
  };
}

/** A type specimen page (fonts site). */
export function fontPage(o: { family: string; display: string }): Page {
  return {
    url: `fonts.google.com/specimen/${o.family.replace(/ /g, '+')}`,
    tabTitle: `${o.family} - Google Fonts`,
    favicon: ['#4285f4', 'F'],
    build(w) {
      let s = rect(0, 0, w, 64, '#ffffff') + rect(0, 64, w, 1, '#dadce0') + text(70, 40, 'Google Fonts', { size: 20, fill: '#5f6368', family: WEB });
      s += rect(300, 14, 440, 36, '#f1f3f4', { rx: 18 }) + icon('search', 316, 24, '#5f6368') + text(344, 37, o.family, { size: 14, fill: '#202124', family: WEB });
      s += text(80, 140, o.family, { size: 44, fill: '#202124', family: o.display });
      s += text(80, 176, 'Designed by Rasmus Andersson   ·   18 styles   ·   Variable', { size: 14, fill: '#5f6368', family: WEB });
      s += rect(w - 260, 110, 180, 44, '#1a73e8', { rx: 22 }) + text(w - 170, 138, 'Get font', { size: 15, fill: '#fff', anchor: 'middle', family: WEB, weight: 'bold' });
      s += rect(80, 210, w - 160, 52, '#ffffff', { rx: 26, stroke: '#dadce0' }) + text(110, 242, 'Type here to preview text', { size: 15, fill: '#5f6368', family: WEB });
      const weights = [['Thin 100', 'normal', 0.45], ['Light 300', 'normal', 0.7], ['Regular 400', 'normal', 1], ['Medium 500', 'normal', 1], ['SemiBold 600', 'bold', 0.85], ['Bold 700', 'bold', 1], ['ExtraBold 800', 'bold', 1], ['Black 900', 'bold', 1]] as const;
      let y = 300;
      weights.forEach(([n, wt, op], i) => {
        s += rect(80, y, w - 160, 1, '#dadce0') + text(80, y + 28, n, { size: 13, fill: '#5f6368', family: WEB });
        s += text(80, y + 90, i % 2 ? 'Robots that work with your team' : 'Whereas recognition of the inherent dignity', { size: 46, fill: '#202124', family: o.display, weight: wt, opacity: op });
        y += 130;
      });
      return { h: y + 80, body: s, bg: '#ffffff', lines: { top: 300, height: 130, count: 8, x: 80, w: w - 160, alpha: 0.08, rgb: [26, 115, 232] } };
    },
  };
}

// Visual Studio Code and terminals.
import { controls, type Os, windowBar } from './desktop.ts';
import { DARK_PLUS, highlightMd, highlightTs, type Run } from './highlight.ts';
import { type Box, icon, MONO, rect, runs, text, textWidth } from './svg.ts';
import type { AppView } from './types.ts';

export interface TreeEntry {
  name: string;
  depth: number;
  folder?: boolean;
  open?: boolean;
}

export interface VsCodeOpts {
  project: string;
  file: string;
  source: string;
  tree: readonly TreeEntry[];
  openTabs: readonly string[];
  breadcrumbs: readonly string[];
  /** Lines shown in the bottom terminal panel, if any. */
  panel?: readonly string[];
  language: 'TypeScript' | 'Markdown';
  branch: string;
  problems?: [number, number];
}

const fileBadge = (name: string): [string, string] => {
  if (name.endsWith('.ts')) return ['TS', '#3178c6'];
  if (name.endsWith('.md')) return ['M↓', '#519aba'];
  if (name.endsWith('.json')) return ['{}', '#cbcb41'];
  if (name.endsWith('.js')) return ['JS', '#cbcb41'];
  return ['≡', '#8a8a8a'];
};

export function vscode(o: VsCodeOpts) {
  return (os: Os, area: Box): AppView => {
    const base = o.file.split('/').pop()!;
    const titleH = os === 'mac' ? 28 : 30;
    const statusH = 22;
    let s = rect(area.x, area.y, area.w, area.h, '#1e1e1e');
    // Title bar
    s += rect(area.x, area.y, area.w, titleH, '#3c3c3c');
    if (os !== 'mac') {
      s += rect(area.x + 10, area.y + 7, 16, 16, '#23a9f2', { rx: 3 }) + icon('ext', area.x + 12, area.y + 9, '#fff', 12);
      let mx = area.x + 40;
      for (const m of ['File', 'Edit', 'Selection', 'View', 'Go', 'Run', 'Terminal', 'Help']) {
        s += text(mx, area.y + 20, m, { size: 13, fill: '#cccccc' });
        mx += textWidth(m, 13) + 16;
      }
    }
    s += rect(area.x + area.w / 2 - 230, area.y + 4, 460, titleH - 8, '#2a2a2a', { rx: 6, stroke: '#4a4a4a', sw: 1 });
    s += icon('search', area.x + area.w / 2 - 80, area.y + titleH / 2 - 6, '#aaaaaa', 12);
    s += text(area.x + area.w / 2 - 62, area.y + titleH / 2 + 4, o.project, { size: 12, fill: '#cccccc' });
    s += controls(os, area, area.y + titleH / 2, true);
    // Activity bar
    const top = area.y + titleH;
    const bottom = area.y + area.h - statusH;
    s += rect(area.x, top, 48, bottom - top, '#333333');
    ['files', 'search', 'git', 'debug', 'ext'].forEach((k, i) => {
      s += icon(k, area.x + 12, top + 14 + i * 48, i === 0 ? '#ffffff' : '#858585', 24);
    });
    s += rect(area.x, top + 8, 2, 36, '#ffffff');
    s += rect(area.x + 28, top + 64, 16, 14, '#007acc', { rx: 7 }) + text(area.x + 36, top + 75, '3', { size: 10, fill: '#fff', anchor: 'middle' });
    s += icon('user', area.x + 12, bottom - 90, '#858585', 24) + icon('gear', area.x + 12, bottom - 44, '#858585', 24);
    // Explorer
    const sbX = area.x + 48;
    const sbW = 250;
    s += rect(sbX, top, sbW, bottom - top, '#252526');
    s += text(sbX + 20, top + 24, 'EXPLORER', { size: 11, fill: '#bbbbbb' }) + icon('dots', sbX + sbW - 28, top + 12, '#bbbbbb', 14);
    s += icon('chevron', sbX + 6, top + 40, '#cccccc', 12) + text(sbX + 22, top + 51, o.project.toUpperCase(), { size: 11, fill: '#cccccc', weight: 'bold' });
    o.tree.forEach((e, i) => {
      const y = top + 60 + i * 22;
      if (y > bottom - 60) return;
      const x = sbX + 14 + e.depth * 12;
      if (e.name === base && !e.folder) s += rect(sbX, y, sbW, 22, '#37373d') + rect(sbX, y, sbW, 22, 'none', { stroke: '#007fd4', sw: 1 });
      if (e.folder) {
        s += icon(e.open ? 'chevron' : 'chevronR', x, y + 5, '#c5c5c5', 12) + text(x + 18, y + 16, e.name, { size: 13, fill: '#cccccc' });
      } else {
        const [b, c] = fileBadge(e.name);
        s += text(x + 18, y + 15, b, { size: 9, fill: c, weight: 'bold' }) + text(x + 36, y + 16, e.name, { size: 13, fill: '#cccccc' });
      }
    });
    s += rect(sbX, bottom - 44, sbW, 1, '#3c3c3c') + icon('chevronR', sbX + 6, bottom - 36, '#cccccc', 12) + text(sbX + 22, bottom - 26, 'OUTLINE', { size: 11, fill: '#cccccc', weight: 'bold' });
    s += icon('chevronR', sbX + 6, bottom - 16, '#cccccc', 12) + text(sbX + 22, bottom - 6, 'TIMELINE', { size: 11, fill: '#cccccc', weight: 'bold' });
    // Tabs
    const edX = sbX + sbW;
    const edW = area.x + area.w - edX;
    s += rect(edX, top, edW, 35, '#252526');
    let tx = edX;
    for (const t of o.openTabs) {
      const tbase = t.split('/').pop()!;
      const w = textWidth(tbase, 13) + 64;
      const active = tbase === base;
      s += rect(tx, top, w, 35, active ? '#1e1e1e' : '#2d2d2d') + rect(tx + w - 1, top, 1, 35, '#252526');
      if (active) s += rect(tx, top, w, 1, '#0078d4');
      const [b, c] = fileBadge(tbase);
      s += text(tx + 12, top + 22, b, { size: 9, fill: c, weight: 'bold' }) + text(tx + 32, top + 23, tbase, { size: 13, fill: active ? '#ffffff' : '#969696', italic: !active && t.endsWith('.test.ts') });
      if (active) s += icon('close', tx + w - 24, top + 11, '#cccccc', 12);
      tx += w;
    }
    // Breadcrumbs
    s += rect(edX, top + 35, edW, 22, '#1e1e1e');
    s += text(edX + 16, top + 50, o.breadcrumbs.join('  ›  '), { size: 12, fill: '#a9a9a9' });
    // Panel
    const panelH = o.panel ? 230 : 0;
    const edTop = top + 57;
    const edBottom = bottom - panelH;
    if (o.panel) {
      s += rect(edX, edBottom, edW, panelH, '#1e1e1e') + rect(edX, edBottom, edW, 1, '#414141');
      let px = edX + 20;
      for (const [i, t] of ['PROBLEMS', 'OUTPUT', 'DEBUG CONSOLE', 'TERMINAL', 'PORTS'].entries()) {
        s += text(px, edBottom + 24, t, { size: 11, fill: i === 3 ? '#e7e7e7' : '#969696' });
        if (i === 3) s += rect(px, edBottom + 30, textWidth(t, 11), 1, '#e7e7e7');
        px += textWidth(t, 11) + 26;
      }
      s += text(edX + edW - 140, edBottom + 24, 'zsh  +  ⌄  ▢  ⋯  ×', { size: 12, fill: '#cccccc' });
      o.panel.forEach((l, i) => {
        s += runs(edX + 20, edBottom + 52 + i * 17, termRuns(l, 'dark'), { size: 12.5 });
      });
    }
    // Minimap (static: a miniature of the file)
    const mmX = edX + edW - 96;
    s += rect(mmX, edTop, 96, edBottom - edTop, '#1e1e1e');
    const srcLines = o.source.split('\n');
    const st = { inComment: false };
    srcLines.slice(0, Math.floor((edBottom - edTop) / 3)).forEach((l, i) => {
      const toks = highlightTs(l, DARK_PLUS, st).filter(([tok]) => tok.trim());
      if (!toks.length) return;
      // Two strokes a line: the first token's colour, then the rest of the line.
      const indent = /^ */.exec(l)![0].length;
      const first = toks[0]!;
      const w1 = Math.min(first[0].length * 1.1, 80);
      const w2 = Math.min((l.trimEnd().length - indent - first[0].length) * 1.1, 80 - indent * 1.1 - w1);
      s += rect(mmX + 6 + indent * 1.1, edTop + 4 + i * 3, w1, 2, first[1], { opacity: 0.6 });
      if (w2 > 1) s += rect(mmX + 7 + indent * 1.1 + w1, edTop + 4 + i * 3, w2, 2, toks[1]?.[1] ?? first[1], { opacity: 0.45 });
    });
    s += rect(mmX, edTop, 96, 120, '#ffffff', { opacity: 0.06 });
    s += rect(edX + edW - 14, edTop + 40, 14, 90, '#797979', { opacity: 0.4 });
    // Status bar
    s += rect(area.x, bottom, area.w, statusH, '#007acc');
    s += rect(area.x, bottom, 34, statusH, '#16825d') + text(area.x + 17, bottom + 16, '><', { size: 12, fill: '#fff', anchor: 'middle', weight: 'bold' });
    s += icon('git', area.x + 44, bottom + 4, '#fff', 14) + text(area.x + 62, bottom + 16, `${o.branch}*`, { size: 12, fill: '#fff' });
    const [errs, warns] = o.problems ?? [0, 0];
    s += text(area.x + 80 + textWidth(o.branch, 12), bottom + 16, `⊗ ${errs}  ⚠ ${warns}`, { size: 12, fill: '#fff' });
    const langInfo = `Ln ${(srcLines.length * 0.4) | 0}, Col 17    Spaces: 2    UTF-8    LF    {} ${o.language}    ✓ Prettier`;
    s += text(area.x + area.w - 20, bottom + 16, langInfo, { size: 12, fill: '#fff', anchor: 'end' });
    // Content: gutter + code
    const viewport = { x: edX, y: edTop, w: edW - 96, h: edBottom - edTop };
    const lh = 19;
    const contentH = Math.max(viewport.h + 240, srcLines.length * lh + Math.round(viewport.h * 0.5));
    let body = rect(0, 0, viewport.w, contentH, '#1e1e1e');
    const tsState = { inComment: false };
    const mdState = { inFence: false, inFront: false };
    srcLines.forEach((l, i) => {
      const y = 4 + i * lh + 14;
      body += text(52, y, String(i + 1), { size: 13, fill: '#6e7681', anchor: 'end', family: MONO });
      const r = o.language === 'Markdown' ? highlightMd(l, DARK_PLUS, mdState) : highlightTs(l, DARK_PLUS, tsState);
      if (l.length) body += runs(74, y, r, { size: 14 });
      const indent = /^ */.exec(l)![0].length;
      for (let g = 2; g <= indent; g += 2) body += rect(74 + (g - 2) * 8.43, 4 + i * lh, 1, lh, '#404040');
    });
    return {
      chrome: s,
      viewport,
      content: { w: viewport.w, h: contentH, body, bg: '#1e1e1e' },
      lines: { top: 4, height: lh, count: srcLines.length, x: 60, w: viewport.w - 60, rgb: [255, 255, 255], alpha: 0.07 },
      cursor: 'ibeam',
    };
  };
}

/** Colour a terminal line by what it says. */
export function termRuns(line: string, theme: 'dark' | 'ps'): Run[] {
  const fg = theme === 'ps' ? '#cccccc' : '#d0d0d0';
  const green = '#4ec94e';
  const red = '#f14c4c';
  const yellow = '#e5e510';
  const blue = '#3b8eea';
  const gray = '#8a8a8a';
  const cyan = '#29b8db';
  let m: RegExpExecArray | null;
  if ((m = /^([\w.-]+@[\w.-]+)(:)([^$]*)(\$ ?)(.*)$/.exec(line))) {
    return [[m[1]!, green], [m[2]!, fg], [m[3]!, blue], [m[4]!, fg], [m[5]!, fg]];
  }
  if ((m = /^(PS [^>]+>)(.*)$/.exec(line))) return [[m[1]!, fg], [m[2]!, yellow]];
  if ((m = /^(➜ +)(\S+)( git:\()(\S+)(\) ✗? ?)(.*)$/.exec(line))) {
    return [[m[1]!, green], [m[2]!, cyan], [m[3]!, blue], [m[4]!, red], [m[5]!, blue], [m[6]!, fg]];
  }
  if (/^ ?(✓|PASS|\s+✓)/.test(line) || /passed|Compiled successfully|success/i.test(line)) {
    if ((m = /^(\s*)(✓|PASS)(.*)$/.exec(line))) return [[m[1]!, fg], [m[2]!, green], [m[3]!, fg]];
    return [[line, green]];
  }
  if (/^ ?(×|FAIL|\s+×)|Error|failed|AssertionError/.test(line)) {
    if ((m = /^(\s*)(×|FAIL)(.*)$/.exec(line))) return [[m[1]!, fg], [m[2]!, red], [m[3]!, fg]];
    return [[line, red]];
  }
  if (/^\s*(\d+\|)|^\s*❯|^ *-->/.test(line)) return [[line, gray]];
  if (/^\s*(\+\+\+|\+)/.test(line)) return [[line, green]];
  if (/^\s*(---|-)\s/.test(line)) return [[line, red]];
  if (/^\s*(warn|WARN|⚠)/.test(line)) return [[line, yellow]];
  if (/^\*|^commit |^\|/.test(line)) {
    if ((m = /^([*| /\\]+ ?)([0-9a-f]{7})(.*)$/.exec(line))) return [[m[1]!, red], [m[2]!, yellow], [m[3]!, fg]];
    return [[line, yellow]];
  }
  if (/^\s*[{[]"/.test(line) || /^\{"level/.test(line)) return [[line, cyan]];
  if (/^\s*(HTTP\/|< |> )/.test(line)) return [[line, gray]];
  return [[line, fg]];
}

export interface TerminalOpts {
  title: string;
  lines: readonly string[];
  /** Shell name for the Windows Terminal tab. */
  shell?: string;
}

export function terminal(o: TerminalOpts) {
  return (os: Os, area: Box): AppView => {
    const lh = 20;
    let chrome: string;
    let inner: Box;
    let bg = '#300a24';
    if (os === 'windows') {
      bg = '#0c0c0c';
      chrome = rect(area.x, area.y, area.w, area.h, bg) + rect(area.x, area.y, area.w, 40, '#202020');
      chrome += rect(area.x + 8, area.y + 6, 230, 34, bg, { rx: 6 });
      chrome += rect(area.x + 20, area.y + 15, 16, 16, '#2671be', { rx: 2 }) + text(area.x + 28, area.y + 27, '>', { size: 12, fill: '#fff', anchor: 'middle', weight: 'bold' });
      chrome += text(area.x + 46, area.y + 28, o.shell ?? 'Windows PowerShell', { size: 12, fill: '#ffffff' }) + icon('close', area.x + 214, area.y + 16, '#bbbbbb', 12);
      chrome += icon('plus', area.x + 250, area.y + 14, '#cccccc', 14) + icon('chevron', area.x + 276, area.y + 14, '#cccccc', 14);
      chrome += controls('windows', area, area.y + 16, true);
      inner = { x: area.x, y: area.y + 40, w: area.w, h: area.h - 40 };
    } else {
      if (os === 'mac') bg = '#1d1f21';
      const wb = windowBar(os, area, o.title, true);
      chrome = rect(area.x, area.y, area.w, area.h, bg) + wb.svg;
      inner = wb.inner;
    }
    const viewport = { x: inner.x + 8, y: inner.y + 6, w: inner.w - 24, h: inner.h - 10 };
    chrome += rect(inner.x + inner.w - 12, inner.y + 30, 6, 120, '#ffffff', { rx: 3, opacity: 0.25 });
    const h = Math.max(viewport.h + 200, o.lines.length * lh + 30);
    let body = rect(0, 0, viewport.w, h, bg);
    o.lines.forEach((l, i) => {
      if (l) body += runs(4, 18 + i * lh, termRuns(l, os === 'windows' ? 'ps' : 'dark'), { size: 14, family: MONO });
    });
    return {
      chrome,
      viewport,
      content: { w: viewport.w, h, body, bg },
      lines: { top: 4, height: lh, count: o.lines.length, x: 0, w: viewport.w, rgb: [255, 255, 255], alpha: 0.1 },
      cursor: 'ibeam',
    };
  };
}


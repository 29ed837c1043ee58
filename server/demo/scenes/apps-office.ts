// Slack and Microsoft Word.
import { shotArt, type Block, renderBlocks, type BlockStyle } from './apps-web.ts';
import { controls, type Os, windowsButtons } from './desktop.ts';
import { type Box, icon, MONO, paragraph, rect, SANS, text, textWidth, WEB } from './svg.ts';
import type { AppView } from './types.ts';

export interface Message {
  who: string;
  time: string;
  text: string;
  /** A code snippet or an image attachment under the text. */
  code?: string;
  image?: string;
  reactions?: string;
}

const PEOPLE_COLORS = ['#e8912d', '#2eb67d', '#36c5f0', '#e01e5a', '#4a154b', '#1264a3', '#9c27b0'];
const colorOf = (name: string) => PEOPLE_COLORS[[...name].reduce((a, c) => a + c.charCodeAt(0), 0) % PEOPLE_COLORS.length]!;

export function slack(o: { workspace: string; channel: string; channels: readonly string[]; dms: readonly string[]; members: number; topic: string; messages: readonly (Message | string)[]; draft?: string }) {
  return (os: Os, area: Box): AppView => {
    const topH = 40;
    let s = rect(area.x, area.y, area.w, area.h, '#350d36');
    s += controls(os, area, area.y + 20, true);
    const sw = Math.min(640, area.w - 700);
    s += rect(area.x + area.w / 2 - sw / 2, area.y + 7, sw, 26, '#5d3d5e', { rx: 6 }) + icon('search', area.x + area.w / 2 - sw / 2 + 10, area.y + 12, '#e0d3e0', 14);
    s += text(area.x + area.w / 2 - sw / 2 + 32, area.y + 25, `Search ${o.workspace}`, { size: 13, fill: '#e0d3e0' });
    s += icon('back', area.x + area.w / 2 - sw / 2 - 60, area.y + 12, '#e0d3e0', 14) + icon('fwd', area.x + area.w / 2 - sw / 2 - 34, area.y + 12, '#9a7f9b', 14);
    // Rail
    const y0 = area.y + topH;
    s += rect(area.x + 14, y0 + 8, 40, 40, '#ffffff', { rx: 10 }) + text(area.x + 34, y0 + 35, o.workspace[0]!, { size: 20, fill: '#350d36', anchor: 'middle', weight: 'bold' });
    ['home', 'comment', 'bell', 'files', 'dots'].forEach((k, i) => {
      if (i === 0) s += rect(area.x + 16, y0 + 68, 36, 36, '#6b3d6c', { rx: 8 });
      s += icon(k, area.x + 24, y0 + 76 + i * 64, '#ffffff', 20) + text(area.x + 34, y0 + 120 + i * 64, ['Home', 'DMs', 'Activity', 'Files', 'More'][i]!, { size: 10, fill: '#ffffff', anchor: 'middle' });
    });
    s += rect(area.x + 16, area.y + area.h - 50, 36, 36, '#2eb67d', { rx: 8 }) + text(area.x + 34, area.y + area.h - 26, 'ME', { size: 12, fill: '#fff', anchor: 'middle', weight: 'bold' });
    // Sidebar
    const sx = area.x + 70;
    const sbw = 270;
    s += rect(sx, y0, sbw, area.h - topH, '#3f0e40', { rx: 0 });
    s += text(sx + 18, y0 + 34, `${o.workspace}  ⌄`, { size: 18, fill: '#ffffff', weight: 'bold' }) + icon('pen', sx + sbw - 36, y0 + 18, '#ffffff', 18);
    s += rect(sx, y0 + 54, sbw, 1, '#5d3d5e');
    let yy = y0 + 84;
    for (const t of ['Threads', 'Huddles', 'Drafts & sent']) {
      s += icon(t === 'Threads' ? 'comment' : t === 'Huddles' ? 'volume' : 'send', sx + 20, yy - 13, '#d9cbd9', 16) + text(sx + 48, yy, t, { size: 15, fill: '#d9cbd9' });
      yy += 30;
    }
    yy += 14;
    s += icon('chevron', sx + 18, yy - 13, '#d9cbd9', 14) + text(sx + 40, yy, 'Channels', { size: 15, fill: '#d9cbd9' });
    yy += 32;
    for (const c of o.channels) {
      const active = c === o.channel;
      if (active) s += rect(sx + 8, yy - 21, sbw - 16, 28, '#1164a3', { rx: 6 });
      const unread = !active && c.length % 3 === 0;
      s += icon('hash', sx + 20, yy - 13, active ? '#fff' : '#d9cbd9', 15) + text(sx + 46, yy, c, { size: 15, fill: active || unread ? '#ffffff' : '#d9cbd9', weight: unread ? 'bold' : undefined });
      yy += 30;
    }
    yy += 14;
    s += icon('chevron', sx + 18, yy - 13, '#d9cbd9', 14) + text(sx + 40, yy, 'Direct messages', { size: 15, fill: '#d9cbd9' });
    yy += 32;
    for (const d of o.dms) {
      s += rect(sx + 18, yy - 17, 20, 20, colorOf(d), { rx: 4 }) + text(sx + 28, yy - 2, d[0]!, { size: 12, fill: '#fff', anchor: 'middle', weight: 'bold' });
      s += rect(sx + 33, yy - 2, 8, 8, '#2bac76', { rx: 4, stroke: '#3f0e40', sw: 2 }) + text(sx + 48, yy, d, { size: 15, fill: '#d9cbd9' });
      yy += 30;
    }
    // Channel header
    const mx = sx + sbw;
    const mw = area.x + area.w - mx;
    s += rect(mx, y0, mw, area.h - topH, '#ffffff');
    s += icon('hash', mx + 20, y0 + 16, '#1d1c1d', 18) + text(mx + 44, y0 + 32, `${o.channel}  ⌄`, { size: 18, fill: '#1d1c1d', weight: 'bold' });
    s += text(mx + 74 + textWidth(o.channel, 18), y0 + 31, o.topic, { size: 13, fill: '#616061' });
    s += rect(mx + mw - 110, y0 + 12, 90, 30, '#ffffff', { rx: 6, stroke: '#dddddd' }) + icon('user', mx + mw - 92, y0 + 19, '#1d1c1d', 15) + text(mx + mw - 56, y0 + 32, String(o.members), { size: 13, fill: '#1d1c1d', anchor: 'middle' });
    s += rect(mx, y0 + 54, mw, 1, '#e2e2e2');
    s += text(mx + 20, y0 + 80, 'Messages    Files    Pins    +', { size: 13, fill: '#616061' }) + rect(mx + 18, y0 + 88, 70, 2, '#1d1c1d') + rect(mx, y0 + 90, mw, 1, '#e2e2e2');
    // Composer
    const compH = 110;
    const cy = area.y + area.h - compH;
    s += rect(mx, cy, mw, compH, '#ffffff');
    s += rect(mx + 20, cy + 8, mw - 40, compH - 28, '#ffffff', { rx: 8, stroke: '#bbbbbb' }) + rect(mx + 21, cy + 9, mw - 42, 34, '#f8f8f8', { rx: 8 });
    s += text(mx + 36, cy + 32, 'B    I    S    ≔    ⁝≡    </>    @', { size: 14, fill: '#616061' });
    s += text(mx + 36, cy + 68, o.draft ?? `Message #${o.channel}`, { size: 15, fill: o.draft ? '#1d1c1d' : '#868686' });
    s += rect(mx + mw - 82, cy + 52, 54, 28, o.draft ? '#007a5a' : '#dddddd', { rx: 4 }) + icon('send', mx + mw - 64, cy + 58, '#fff', 16);
    // Messages
    const viewport = { x: mx, y: y0 + 91, w: mw, h: cy - (y0 + 91) };
    let m = '';
    let y = 20;
    const textW = mw - 120;
    for (const msg of o.messages) {
      if (typeof msg === 'string') {
        m += rect(0, y + 14, mw, 1, '#e2e2e2') + rect(mw / 2 - 60, y, 120, 28, '#ffffff', { rx: 14, stroke: '#e2e2e2' }) + text(mw / 2, y + 19, msg, { size: 13, fill: '#1d1c1d', anchor: 'middle', weight: 'bold' });
        y += 44;
        continue;
      }
      m += rect(20, y + 4, 36, 36, colorOf(msg.who), { rx: 6 }) + text(38, y + 28, msg.who[0]!, { size: 16, fill: '#fff', anchor: 'middle', weight: 'bold' });
      m += text(72, y + 18, msg.who, { size: 15, fill: '#1d1c1d', weight: 'bold' }) + text(82 + textWidth(msg.who, 15) * 1.08, y + 18, msg.time, { size: 12, fill: '#616061' });
      const p = paragraph(72, y + 42, msg.text, textW, { size: 15, fill: '#1d1c1d', lineHeight: 22 });
      m += p.svg;
      y = p.y + 4;
      if (msg.code) {
        const ls = msg.code.split('\n');
        m += rect(72, y, textW, ls.length * 19 + 16, '#f8f8f8', { rx: 4, stroke: '#dddddd' });
        ls.forEach((l, i) => (m += text(84, y + 22 + i * 19, l, { size: 13, fill: '#1d1c1d', family: MONO })));
        y += ls.length * 19 + 24;
      }
      if (msg.image) {
        m += shotArt(72, y, 360, 220, msg.image) + text(72, y + 238, `${msg.image}.png  ⌄`, { size: 12, fill: '#616061' });
        y += 252;
      }
      if (msg.reactions) {
        m += rect(72, y, textWidth(msg.reactions, 13) + 16, 24, '#eef5fb', { rx: 12, stroke: '#1264a3' }) + text(80, y + 17, msg.reactions, { size: 13, fill: '#1264a3' });
        y += 32;
      }
      y += 14;
    }
    const h = Math.max(viewport.h + 200, y + 20);
    return {
      chrome: s,
      viewport,
      content: { w: viewport.w, h, body: rect(0, 0, viewport.w, h, '#ffffff') + m, bg: '#ffffff' },
      lines: { top: 20, height: 44, count: Math.floor(y / 44), x: 0, w: viewport.w, rgb: [0, 0, 0], alpha: 0.035 },
      cursor: 'arrow',
    };
  };
}

// ---------------------------------------------------------------------------------------------
// Microsoft Word

export function word(o: { doc: string; blocks: readonly Block[]; words: number }) {
  return (os: Os, area: Box): AppView => {
    const blue = '#2b579a';
    let s = rect(area.x, area.y, area.w, area.h, '#e6e6e6');
    const titleH = 32;
    s += rect(area.x, area.y, area.w, titleH, blue);
    s += text(area.x + 14, area.y + 21, 'AutoSave', { size: 12, fill: '#ffffff' }) + rect(area.x + 76, area.y + 10, 34, 14, '#ffffff', { rx: 7, opacity: 0.25 }) + text(area.x + 92, area.y + 21, 'Off', { size: 9, fill: '#fff', anchor: 'middle' });
    s += icon('files', area.x + 124, area.y + 8, '#ffffff', 16) + icon('back', area.x + 152, area.y + 8, '#ffffff', 16) + icon('reload', area.x + 178, area.y + 8, '#ffffff', 16);
    s += text(area.x + area.w / 2 - 160, area.y + 21, `${o.doc}  •  Saved to OneDrive  ⌄`, { size: 12, fill: '#ffffff' });
    s += rect(area.x + area.w / 2 + 120, area.y + 5, 300, 22, '#ffffff', { rx: 4, opacity: 0.2 }) + icon('search', area.x + area.w / 2 + 130, area.y + 8, '#ffffff', 14) + text(area.x + area.w / 2 + 152, area.y + 21, 'Search', { size: 12, fill: '#ffffff' });
    s += text(area.x + area.w - 200, area.y + 21, 'Priya Nair', { size: 12, fill: '#ffffff' });
    s += os === 'windows' ? windowsButtons(area.x + area.w, area.y, '#ffffff') : controls(os, area, area.y + 16, true);
    // Ribbon tabs
    const tabsY = area.y + titleH;
    s += rect(area.x, tabsY, area.w, 30, blue);
    let tx = area.x + 14;
    for (const t of ['File', 'Home', 'Insert', 'Draw', 'Design', 'Layout', 'References', 'Mailings', 'Review', 'View', 'Help']) {
      const tw = textWidth(t, 13, WEB) + 24;
      if (t === 'Home') s += rect(tx, tabsY + 2, tw, 28, '#f3f2f1');
      s += text(tx + 12, tabsY + 21, t, { size: 13, fill: t === 'Home' ? blue : '#ffffff', family: WEB });
      tx += tw;
    }
    s += text(area.x + area.w - 160, tabsY + 21, 'Comments    Share', { size: 13, fill: '#ffffff', family: WEB });
    // Ribbon
    const ry = tabsY + 30;
    const rh = 96;
    s += rect(area.x, ry, area.w, rh, '#f3f2f1') + rect(area.x, ry + rh - 1, area.w, 1, '#d2d0ce');
    const group = (x: number, w: number, label: string) => text(x + w / 2, ry + rh - 8, label, { size: 11, fill: '#605e5c', anchor: 'middle', family: WEB }) + rect(x + w, ry + 6, 1, rh - 12, '#d2d0ce');
    let gx = area.x + 10;
    s += rect(gx + 10, ry + 10, 36, 40, '#ffffff', { stroke: '#c8c6c4', rx: 2 }) + icon('files', gx + 20, ry + 20, blue, 16) + text(gx + 28, ry + 66, 'Paste', { size: 11, fill: '#323130', anchor: 'middle', family: WEB }) + group(gx, 70, 'Clipboard');
    gx += 80;
    s += rect(gx + 8, ry + 10, 150, 24, '#ffffff', { stroke: '#c8c6c4' }) + text(gx + 14, ry + 27, 'Calibri (Body)', { size: 12, fill: '#323130', family: WEB });
    s += rect(gx + 162, ry + 10, 44, 24, '#ffffff', { stroke: '#c8c6c4' }) + text(gx + 170, ry + 27, '11', { size: 12, fill: '#323130', family: WEB });
    s += text(gx + 12, ry + 60, 'B     I     U  ⌄    ab    x₂    x²       A  ⌄     A  ⌄', { size: 13, fill: '#323130', family: WEB, weight: 'bold' }) + group(gx, 230, 'Font');
    gx += 240;
    s += text(gx + 12, ry + 28, '☰ ⌄   ☷ ⌄   ⇤   ⇥   ↕   ¶', { size: 14, fill: '#323130', family: SANS }) + text(gx + 12, ry + 60, '≡   ≣   ≡   ☰      ⇕ ⌄', { size: 14, fill: '#323130', family: SANS }) + group(gx, 200, 'Paragraph');
    gx += 210;
    const styles: [string, string, number, string][] = [['AaBbCcDd', 'Normal', 13, '#323130'], ['AaBbCcDd', 'No Spacing', 13, '#323130'], ['AaBbCc', 'Heading 1', 16, '#2f5496'], ['AaBbCcD', 'Heading 2', 14, '#2f5496'], ['AaB', 'Title', 22, '#323130'], ['AaBbCcD', 'Subtitle', 13, '#595959']];
    styles.forEach(([sample, name, size, c], i) => {
      const x = gx + 8 + i * 92;
      if (i === 0) s += rect(x - 2, ry + 8, 90, 62, '#ffffff', { stroke: '#c8c6c4' });
      s += text(x + 6, ry + 38, sample, { size, fill: c, family: WEB }) + text(x + 6, ry + 62, name, { size: 11, fill: '#323130', family: WEB });
    });
    s += group(gx, 570, 'Styles');
    gx += 580;
    s += text(gx + 14, ry + 28, 'Find  ⌄', { size: 12, fill: '#323130', family: WEB }) + text(gx + 14, ry + 48, '⇄ Replace', { size: 12, fill: '#323130', family: WEB }) + text(gx + 14, ry + 68, 'Select  ⌄', { size: 12, fill: '#323130', family: WEB }) + group(gx, 100, 'Editing');
    // Ruler and status bar
    const docTop = ry + rh;
    const statusH = 24;
    const pageW = 816;
    s += rect(area.x, docTop, area.w, 22, '#f3f2f1');
    const px = area.x + (area.w - 18 - pageW) / 2;
    s += rect(px + 96, docTop + 4, pageW - 192, 14, '#ffffff');
    for (let i = 0; i <= 16; i++) s += rect(px + 96 + i * 39, docTop + (i % 2 ? 12 : 8), 1, i % 2 ? 4 : 8, '#8a8886');
    const sy = area.y + area.h - statusH;
    s += rect(area.x, sy, area.w, statusH, '#f3f2f1') + rect(area.x, sy, area.w, 1, '#d2d0ce');
    s += text(area.x + 14, sy + 16, `Page 2 of 5    ${o.words.toLocaleString('en-US')} words    English (United States)    Text Predictions: On    Accessibility: Good to go`, { size: 12, fill: '#323130', family: WEB });
    s += text(area.x + area.w - 20, sy + 16, 'Focus    ▤  ▥  ▦    —————●————  +   100%', { size: 12, fill: '#323130', family: WEB, anchor: 'end' });
    // Pages (scroll)
    const viewport = { x: area.x, y: docTop + 22, w: area.w - 18, h: sy - docTop - 22 };
    s += rect(area.x + area.w - 18, docTop + 22, 18, viewport.h, '#f3f2f1') + rect(area.x + area.w - 14, docTop + 60, 10, 80, '#c8c6c4', { rx: 5 });
    const st: BlockStyle = { family: WEB, size: 15, fg: '#000000', heading: '#2f5496', codeBg: '#f2f2f2', codeFg: '#1f1f1f', noteBg: '#deebf7', noteBar: '#2f5496', link: '#0563c1' };
    const pageH = 1056;
    const gap = 24;
    const margin = 96;
    const pageX = (viewport.w - pageW) / 2;
    let body = '';
    let page = 0;
    let y = gap + margin;
    const pageBottom = (p: number) => gap + p * (pageH + gap) + pageH - margin;
    const pages: string[] = [''];
    const tops: number[] = [];
    let lh = 25;
    for (const b of o.blocks) {
      let r = renderBlocks(pageX + margin, y, pageW - 2 * margin, [b], st);
      if (r.y > pageBottom(page) && y > gap + page * (pageH + gap) + margin + 10) {
        page++;
        pages.push('');
        y = gap + page * (pageH + gap) + margin;
        r = renderBlocks(pageX + margin, y, pageW - 2 * margin, [b], st);
      }
      pages[page] += r.svg;
      tops.push(...r.tops);
      lh = r.lh;
      y = r.y;
    }
    const nPages = Math.max(2, page + 1);
    for (let p = 0; p < nPages; p++) {
      const top = gap + p * (pageH + gap);
      body += rect(pageX + 2, top + 3, pageW, pageH, '#c8c6c4') + rect(pageX, top, pageW, pageH, '#ffffff');
      body += text(pageX + pageW - margin, top + pageH - 48, String(p + 1), { size: 12, fill: '#595959', family: WEB, anchor: 'end' });
    }
    body += pages.join('');
    const h = gap + nPages * (pageH + gap);
    return {
      chrome: s,
      viewport,
      content: { w: viewport.w, h, body: rect(0, 0, viewport.w, h, '#e6e6e6') + body, bg: '#e6e6e6' },
      lines: { top: 0, tops, height: lh, count: tops.length, x: pageX + margin - 2, w: pageW - 2 * margin + 4, rgb: [0, 120, 215], alpha: 0.25 },
      cursor: 'ibeam',
    };
  };
}

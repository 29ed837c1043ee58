// The dashboard's initial JavaScript and CSS as the built index.html loads them, with their
// sizes raw and gzipped (level 9).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface JsFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** The entry module and its modulepreload chunks, as dist/index.html names them. */
export function initialJs(dist: string) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];
  const js = new Set<string>();
  const css = new Set<string>();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    if (src && attr(tag, 'type') === 'module') js.add(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(tag, 'rel');
    const href = attr(tag, 'href');
    if (href && rel === 'modulepreload') js.add(href);
    if (href && rel === 'stylesheet') css.add(href);
  }
  const measure = (href: string): JsFile => {
    const bytes = fs.readFileSync(path.join(dist, href.replace(/^\//, '').split('?')[0]!));
    return { file: href, bytes: bytes.length, gzipBytes: zlib.gzipSync(bytes, { level: 9 }).length };
  };
  const files = [...js].map(measure);
  return {
    files,
    gzipBytes: files.reduce((a, f) => a + f.gzipBytes, 0),
    bytes: files.reduce((a, f) => a + f.bytes, 0),
    css: [...css].map(measure),
  };
}

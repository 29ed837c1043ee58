// Just enough syntax colouring for code on a screenshot (VS Code "Dark+" and a light theme).
export type Run = readonly [string, string];

export interface Theme {
  text: string;
  keyword: string;
  control: string;
  string: string;
  number: string;
  comment: string;
  type: string;
  fn: string;
  variable: string;
  punct: string;
  heading: string;
  link: string;
  code: string;
}

export const DARK_PLUS: Theme = {
  text: '#d4d4d4',
  keyword: '#569cd6',
  control: '#c586c0',
  string: '#ce9178',
  number: '#b5cea8',
  comment: '#6a9955',
  type: '#4ec9b0',
  fn: '#dcdcaa',
  variable: '#9cdcfe',
  punct: '#d4d4d4',
  heading: '#569cd6',
  link: '#4daafc',
  code: '#ce9178',
};

export const LIGHT: Theme = {
  text: '#24292f',
  keyword: '#cf222e',
  control: '#cf222e',
  string: '#0a3069',
  number: '#0550ae',
  comment: '#6e7781',
  type: '#953800',
  fn: '#8250df',
  variable: '#24292f',
  punct: '#24292f',
  heading: '#0550ae',
  link: '#0969da',
  code: '#0a3069',
};

const KEYWORDS = new Set(
  'import export from const let var function class extends implements interface type new this super async await private public protected readonly static get set as typeof keyof in of instanceof void null undefined true false declare enum namespace'.split(
    ' ',
  ),
);
const CONTROL = new Set('if else for while do return throw try catch finally switch case default break continue yield'.split(' '));
const TYPES = new Set('string number boolean unknown never any object'.split(' '));

const TOKEN = /(\/\/.*$)|('(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?|`(?:[^`\\]|\\.)*`?)|(\b\d[\d_]*(?:\.\d+)?(?:e-?\d+)?\b)|([A-Za-z_$][\w$]*)|(\s+)|([^\sA-Za-z_$\d'"`/]+|\/)/g;

/** Colour one line of TypeScript/JavaScript. `state.inComment` carries block comments across lines. */
export function highlightTs(line: string, th: Theme, state: { inComment: boolean }): Run[] {
  const out: Run[] = [];
  let rest = line;
  if (state.inComment) {
    const end = rest.indexOf('*/');
    if (end < 0) return [[rest, th.comment]];
    out.push([rest.slice(0, end + 2), th.comment]);
    rest = rest.slice(end + 2);
    state.inComment = false;
  }
  const start = rest.indexOf('/*');
  if (start >= 0 && !/['"`]/.test(rest.slice(0, start))) {
    const before = rest.slice(0, start);
    const after = rest.slice(start);
    out.push(...tokens(before, th));
    const end = after.indexOf('*/', 2);
    if (end < 0) {
      state.inComment = true;
      out.push([after, th.comment]);
    } else {
      out.push([after.slice(0, end + 2), th.comment]);
      out.push(...tokens(after.slice(end + 2), th));
    }
    return out;
  }
  out.push(...tokens(rest, th));
  return out;
}

function tokens(s: string, th: Theme): Run[] {
  const out: Run[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(s))) {
    const [tok, comment, str, num, ident, ws] = m;
    if (comment) out.push([tok, th.comment]);
    else if (str) out.push([tok, th.string]);
    else if (num) out.push([tok, th.number]);
    else if (ident) {
      const after = s.slice(TOKEN.lastIndex);
      if (CONTROL.has(ident)) out.push([tok, th.control]);
      else if (KEYWORDS.has(ident)) out.push([tok, th.keyword]);
      else if (TYPES.has(ident)) out.push([tok, th.type]);
      else if (/^\s*[(<]/.test(after) && !/^[A-Z]/.test(ident)) out.push([tok, th.fn]);
      else if (/^[A-Z][a-z]/.test(ident)) out.push([tok, th.type]);
      else if (/^[A-Z_0-9]+$/.test(ident)) out.push([tok, th.variable]);
      else out.push([tok, th.variable]);
    } else if (ws) out.push([tok, th.text]);
    else out.push([tok, th.punct]);
  }
  return out;
}

/** Colour one line of Markdown (front matter, headings, fences, lists, inline code). */
export function highlightMd(line: string, th: Theme, state: { inFence: boolean; inFront: boolean }): Run[] {
  if (line.startsWith('---')) {
    state.inFront = !state.inFront;
    return [[line, th.comment]];
  }
  if (state.inFront) {
    const i = line.indexOf(':');
    return i > 0 ? [[line.slice(0, i), th.variable], [line.slice(i), th.string]] : [[line, th.text]];
  }
  if (line.startsWith('```')) {
    state.inFence = !state.inFence;
    return [[line, th.comment]];
  }
  if (state.inFence) return highlightTs(line, th, { inComment: false });
  if (/^#{1,6} /.test(line)) return [[line, th.heading]];
  if (line.startsWith('>')) return [[line, th.comment]];
  if (line.startsWith('|')) return [[line, th.text]];
  const out: Run[] = [];
  const m = /^(\s*(?:[-*]|\d+\.) )/.exec(line);
  let rest = line;
  if (m) {
    out.push([m[1]!, th.control]);
    rest = line.slice(m[1]!.length);
  }
  for (const part of rest.split(/(`[^`]*`|\*\*[^*]+\*\*|\[[^\]]+\]\([^)]+\))/)) {
    if (!part) continue;
    if (part.startsWith('`')) out.push([part, th.code]);
    else if (part.startsWith('**')) out.push([part, th.keyword]);
    else if (part.startsWith('[')) out.push([part, th.link]);
    else out.push([part, th.text]);
  }
  return out;
}

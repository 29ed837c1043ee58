// The pieces of the server's render of a diary page (server/services/diary-page.ts): the
// viewport hints, the data it renders from (exactly the API's answers, and only for a viewer
// who may see the contract), and the page it sends. The render itself, from the built
// dashboard, is driven in Chromium by e2e/first-render.spec.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_RENDER_ELEMENT_ID, FIRST_THUMBNAIL_TOKEN, type FirstRenderData } from '../../../contract/first-render.ts';
import { findUserForLogin, type User } from '../../data/users.ts';
import { parseWeekKey } from '../../domain/week.ts';
import {
  DASHBOARD_SCRIPTS_ELEMENT_ID,
  firstRenderData,
  inlineFirstThumbnails,
  MAX_INLINE_THUMBNAILS,
  START_WHEN_PAINTED_SCRIPT,
  viewportOf,
  withFirstRender,
  zoneCookie,
} from '../../services/diary-page.ts';
import { backends, createTestEnv, login, type TestEnv } from '../../test/harness.ts';
import { addSlots, createWorld, slotRun, type World } from '../../test/fixtures.ts';

const WEEK = '2026-11-23';

describe('the zone cookie', () => {
  it('is an IANA zone or nothing', () => {
    expect(zoneCookie('Europe/Berlin')).toBe('Europe/Berlin');
    for (const v of [undefined, '', 'Mars/Olympus', 'x'.repeat(65), '<script>']) expect(zoneCookie(v), String(v)).toBeUndefined();
  });
});

describe('the viewport hints', () => {
  it('takes a width and a height in CSS pixels, and nothing else', () => {
    expect(viewportOf({ 'sec-ch-viewport-width': '1280', 'sec-ch-viewport-height': '720' })).toEqual({ width: 1280, height: 720 });
    expect(viewportOf({ 'sec-ch-viewport-width': '375' })).toEqual({ width: 375, height: 800 });
    for (const width of [undefined, '', 'wide', '-5', '150', '99999999', '12.5', '1280, 1280']) {
      expect(viewportOf({ 'sec-ch-viewport-width': width }), String(width)).toBeNull();
    }
    expect(viewportOf({ 'sec-ch-viewport-width': '800', 'sec-ch-viewport-height': 'tall' })).toEqual({ width: 800, height: 800 });
  });
});

describe('the page sent', () => {
  const index = [
    '<!doctype html><html><head><title>workdiary</title>',
    '<script type="module" crossorigin src="/assets/index-A.js"></script>',
    '<link rel="modulepreload" crossorigin href="/assets/diary-B.js">',
    '<link rel="stylesheet" crossorigin href="/assets/index-C.css">',
    '<link rel="preload" as="style" crossorigin href="/assets/diary-D.css">',
    '</head><body><div id="root"></div></body></html>',
  ].join('\n');
  const data = {
    me: { id: 'u', email: 'c@x.test', name: 'C', role: 'client', company: null },
    week: { weekStart: WEEK, timeZone: 'UTC', data: { memos: ['</script><script>alert(1)</script>'] } },
  } as unknown as FirstRenderData;
  const page = withFirstRender(index, '<title>Design · Week of 23 Nov 2026 · workdiary</title><main>the week</main>', data);

  it('carries the data first in the head, where no memo can end its script', () => {
    const m = /^<!doctype html><html><head><script type="application\/json" id="wd-first-render">(.*?)<\/script>/.exec(page);
    expect(m).not.toBeNull();
    expect(JSON.parse(m![1]!)).toEqual(data);
    expect(page.match(/<\/script><script>alert/g)).toBeNull();
  });

  it('holds the page inert in #root, with its own title in the head', () => {
    expect(page).toContain('<div id="root"><div inert style="display:contents"><main>the week</main></div></div>');
    expect(page).toContain('<head><script');
    expect(page.match(/<title>/g)).toHaveLength(1);
    expect(page).toContain('<title>Design · Week of 23 Nov 2026 · workdiary</title>');
  });

  it('applies the diary’s style sheet at once, and fetches the scripts only once the screen’s thumbnails show', () => {
    expect(page).toContain('<link rel="stylesheet" crossorigin href="/assets/diary-D.css">');
    // No script, and no preload of one, anywhere in the markup: an inline script at the end
    // adds the preloads and the entry script once the thumbnails have loaded and been painted.
    expect(page).not.toContain('<script type="module"');
    expect(page).not.toContain('rel="modulepreload"');
    // The scripts are named in a JSON block; the one inline script is the same on every page,
    // so the Content-Security-Policy allows it by its hash.
    const afterRoot = page.slice(page.indexOf('</main></div></div>'));
    expect(afterRoot).toBe(
      `</main></div></div><script type="application/json" id="${DASHBOARD_SCRIPTS_ELEMENT_ID}">["/assets/index-A.js","/assets/diary-B.js"]</script>` +
        `<script>${START_WHEN_PAINTED_SCRIPT}</script></body></html>`,
    );
    expect(START_WHEN_PAINTED_SCRIPT).toMatch(/l\.rel = 'modulepreload'.*s\.src = scripts\[0\].*requestAnimationFrame.*#root img\[fetchpriority="high"\]/);
  });

  it('shows a memo or title with `$` patterns literally (they are no replacement patterns)', () => {
    const memo = "$' $& $` $1 $$ IFS=$'\\n'";
    const odd = { ...data, week: { ...data.week, data: { memos: [memo] } }, contract: { title: memo } } as unknown as FirstRenderData;
    // React escapes the text it renders; `$` is no HTML and stays as it is.
    const markup = `<title>${memo} · workdiary</title><main><p class="memo">${memo}</p></main>`;
    const out = withFirstRender(index, markup, odd);
    expect(out.match(/<div id="root">/g)).toHaveLength(1);
    expect(out.match(/<head>/g)).toHaveLength(1);
    expect(out.match(/<\/body>/g)).toHaveLength(1);
    const json = new RegExp(`<script type="application/json" id="${FIRST_RENDER_ELEMENT_ID}">(.*?)</script>`).exec(out);
    expect(JSON.parse(json![1]!)).toEqual(odd);
    expect(out).toContain(`<div id="root"><div inert style="display:contents"><main><p class="memo">${memo}</p></main></div></div>`);
    expect(out).toContain(`<title>${memo} · workdiary</title>`);
    expect(out.endsWith('</body></html>')).toBe(true);
  });
});

describe.each(backends)('the data the page is rendered from, on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  let client: User;
  let client2: User;
  let cookie: string;

  beforeAll(async () => {
    env = await createTestEnv(backend);
    world = await createWorld(env.database);
    await addSlots(env.database, env.blobs, world.contracts.dev, slotRun('2026-11-24T08:00:00.000Z', 9, { active: 7, memo: 'Planner' }));
    client = (await findUserForLogin(env.database, world.users.client.email))!;
    client2 = (await findUserForLogin(env.database, world.users.client2.email))!;
    cookie = (await login(env.app, world.users.client.email)).cookie;
  });
  afterAll(async () => env?.close());

  const top = (tz: string | null, contractId = world.contracts.dev) => ({ contractId, weekStart: parseWeekKey(WEEK), tz });
  const api = async (url: string) => {
    const res = await env.app.inject({ method: 'GET', url, headers: { cookie } });
    expect(res.statusCode, url).toBe(200);
    return res.json();
  };

  it('is what the API answers the same viewer, in UTC or the contractor’s zone', async () => {
    for (const [tz, zone] of [
      ['utc', 'UTC'],
      ['contractor', 'Europe/Berlin'],
    ] as const) {
      const data = await firstRenderData(env, client, top(tz));
      expect(data, tz).not.toBeNull();
      expect(data!.week.timeZone).toBe(zone);
      expect(data!.week.weekStart).toBe(WEEK);
      expect(data!.week.data).toEqual(await api(`/api/contracts/${world.contracts.dev}/weeks/${WEEK}?tz=${encodeURIComponent(zone)}`));
      expect(data!.contract).toEqual(await api(`/api/contracts/${world.contracts.dev}`));
      expect(data!.me).toEqual(await api('/api/auth/me'));
    }
  });

  it('is in the browser’s zone for “your time” when the dashboard has told it, and nothing without', async () => {
    const data = await firstRenderData(env, client, top('local'), 'Asia/Kolkata');
    expect(data!.week.timeZone).toBe('Asia/Kolkata');
    expect(data!.week.data).toEqual(await api(`/api/contracts/${world.contracts.dev}/weeks/${WEEK}?tz=Asia%2FKolkata`));
    expect(await firstRenderData(env, client, top('local'))).toBeNull();
    expect(await firstRenderData(env, client, top('local'), 'Mars/Olympus')).toBeNull();
  });

  it('is nothing for another company’s client, an unknown contract, or no zone', async () => {
    expect(await firstRenderData(env, client2, top('utc'))).toBeNull();
    expect(await firstRenderData(env, client2, top('local'), 'Europe/Berlin')).toBeNull();
    expect(await firstRenderData(env, client, top('utc', '00000000-0000-4000-8000-000000000000'))).toBeNull();
    expect(await firstRenderData(env, client, top(null))).toBeNull();
  });

  it('puts the screen’s thumbnails into the page as the stored images, and leaves any other as its URL', async () => {
    const k = world.contracts.dev;
    const starts = ['2026-11-24T08:00:00.000Z', '2026-11-24T08:10:00.000Z', '2026-11-24T07:50:00.000Z'];
    const img = (start: string) => `<img src="${FIRST_THUMBNAIL_TOKEN}${start}" ${'data-first-thumbnail'}="${start}"/>`;
    const preload = (start: string) => `<link rel="preload" as="image" href="${FIRST_THUMBNAIL_TOKEN}${start}" fetchPriority="high"/>`;
    const markup = starts.map(preload).join('') + starts.map(img).join('');
    const out = await inlineFirstThumbnails(env, k, markup, starts);
    const res = await env.app.inject({ method: 'GET', url: `/api/contracts/${k}/slots/${starts[0]}/thumbnail`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    // The stored slots: their very thumbnail, and no preload of it.
    expect(out).toContain(`<img src="data:image/webp;base64,${res.rawPayload.toString('base64')}" data-first-thumbnail="${starts[0]}"/>`);
    expect(out.match(/src="data:image\/webp;base64,/g)).toHaveLength(2);
    expect(out).not.toContain(`href="${FIRST_THUMBNAIL_TOKEN}${starts[0]}"`);
    // 07:50 has no slot: its URL (a 404 there, as for the browser), and its preload kept, pointing at it.
    expect(out).toContain(`<img src="/api/contracts/${k}/slots/${starts[2]}/thumbnail"`);
    expect(out).toContain(`<link rel="preload" as="image" href="/api/contracts/${k}/slots/${starts[2]}/thumbnail"`);
    expect(out).not.toContain(FIRST_THUMBNAIL_TOKEN);
  });

  it('inlines the first `max` only (MAX_INLINE_THUMBNAILS for a page); the rest stay URLs', async () => {
    expect(MAX_INLINE_THUMBNAILS).toBe(48);
    const k = world.contracts.dev;
    const base = Date.parse('2026-11-24T08:00:00.000Z');
    const starts = Array.from({ length: 5 }, (_, i) => new Date(base + i * 600_000).toISOString());
    const out = await inlineFirstThumbnails(env, k, starts.map((s) => `<img src="${FIRST_THUMBNAIL_TOKEN}${s}"/>`).join(''), starts, 3);
    expect(out.match(/src="data:image\/webp;base64,/g)).toHaveLength(3);
    expect(out).toContain(`<img src="/api/contracts/${k}/slots/${starts[3]}/thumbnail"/><img src="/api/contracts/${k}/slots/${starts[4]}/thumbnail"/>`);
  });

  it('puts nothing of another contract into the page', async () => {
    const start = '2026-11-24T08:00:00.000Z';
    const out = await inlineFirstThumbnails(env, world.contracts.globex, `<img src="${FIRST_THUMBNAIL_TOKEN}${start}"/>`, [start]);
    expect(out).toBe(`<img src="/api/contracts/${world.contracts.globex}/slots/${start}/thumbnail"/>`);
  });
});

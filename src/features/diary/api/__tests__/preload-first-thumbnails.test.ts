// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { buildDiaryLayout } from '#src/features/diary/utils/diary-rows.ts';
import { hourOffsets, makeWeek } from '#src/features/diary/utils/__tests__/week-fixture.ts';
import { slotThumbnailUrl } from '../get-slot.ts';
import { preloadFirstThumbnails } from '../preload-first-thumbnails.ts';

afterEach(() => {
  document.head.innerHTML = '';
});

const preloads = () => [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="image"]')].map((l) => l.getAttribute('href'));

describe('the first screenful of thumbnails, requested once the week is in', () => {
  it('names the first 18 slots with a screenshot, by the very URLs their cards load', () => {
    // Tuesday 09:00–13:00 UTC, four full hours; 09:10 and 09:40 have no screenshot.
    const week = makeWeek('2026-11-16', 'UTC', [9, 10, 11, 12].flatMap((hour) => hourOffsets(1, hour)));
    week.slots.shot[1] = 0;
    week.slots.shot[4] = 0;
    preloadFirstThumbnails(week.contractId, week);

    const layout = buildDiaryLayout(week);
    const cards = layout.slotStart
      .filter((_, i) => week.slots.shot[i] === 1)
      .map((start) => slotThumbnailUrl(week.contractId, new Date(start).toISOString()));
    expect(preloads()).toEqual(cards.slice(0, 18));
    expect(preloads()[0]).toBe(`/api/contracts/${week.contractId}/slots/2026-11-17T09:00:00.000Z/thumbnail`);
    expect(preloads()).not.toContain(`/api/contracts/${week.contractId}/slots/2026-11-17T09:10:00.000Z/thumbnail`);
  });

  it('names nothing for a week without screenshots', () => {
    const week = makeWeek('2026-11-16', 'UTC', hourOffsets(0, 8));
    week.slots.shot.fill(0);
    preloadFirstThumbnails(week.contractId, week);
    expect(preloads()).toEqual([]);
  });

  it('takes each link away once its image is in or has failed, so weeks visited one after another leave none behind', () => {
    const week = makeWeek('2026-11-16', 'UTC', hourOffsets(1, 9));
    preloadFirstThumbnails(week.contractId, week);
    const links = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="image"]')];
    expect(links).toHaveLength(6);
    links[0]!.dispatchEvent(new Event('load'));
    links[1]!.dispatchEvent(new Event('error'));
    expect(preloads()).toEqual(links.slice(2).map((l) => l.getAttribute('href')));
    for (const l of links.slice(2)) l.dispatchEvent(new Event('load'));
    preloadFirstThumbnails(week.contractId, makeWeek('2026-11-23', 'UTC', hourOffsets(1, 9)));
    expect(preloads()).toHaveLength(6);
    expect(preloads()[0]).toContain('2026-11-24T09:00:00.000Z');
  });
});

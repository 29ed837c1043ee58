// @vitest-environment jsdom
// The lightbox's screenshot as a client reads it: fitted at first, at 100 % after a click or Z
// (and back), the arrows stepping slots only while fitted, and a link to the full screenshot.
import '#src/components/ui/__tests__/dialog-polyfill.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SlotDetail } from '#contract/week.ts';
import { getSlotQueryOptions } from '#src/features/diary/api/get-slot.ts';
import { getSlotQuestionsQueryOptions } from '#src/features/diary/api/get-slot-questions.ts';
import { hourOffsets, makeWeek } from '#src/features/diary/utils/__tests__/week-fixture.ts';
import { buildDiaryLayout } from '#src/features/diary/utils/diary-rows.ts';
import { SlotLightbox } from '../slot-lightbox.tsx';

afterEach(cleanup);

const CONTRACT = '4b0e5a52-3a51-4c1e-9d7e-0f6c2b1a9e01';
const week = makeWeek('2026-11-23', 'UTC', hourOffsets(0, 9));
const layout = buildDiaryLayout(week);

function detail(start: string, over: Partial<SlotDetail> = {}): SlotDetail {
  return {
    contractId: CONTRACT,
    start,
    end: new Date(Date.parse(start) + 600_000).toISOString(),
    kind: 'tracked',
    state: 'billable',
    activeMinutes: 8,
    keyboard: [],
    mouse: [],
    memo: 'Working on it',
    windowTitle: 'Editor',
    deletedAt: null,
    redactedAt: null,
    blurred: false,
    dispute: null,
    screenshot: { capturedAt: start, width: 1920, height: 1080, mime: 'image/webp', bytes: 1, sha256: 'x', duplicate: false, purgedAt: null },
    ...over,
  };
}

function renderLightbox(slot = 1, { ask = false, onClose = () => {}, over = {} }: { ask?: boolean; onClose?: () => void; over?: Partial<SlotDetail> } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  for (const start of layout.slotStart) {
    const iso = new Date(start).toISOString();
    queryClient.setQueryData(getSlotQueryOptions(CONTRACT, iso).queryKey, detail(iso, over));
    queryClient.setQueryData(getSlotQuestionsQueryOptions(CONTRACT, iso).queryKey, { questions: [], ask });
  }
  const onStep = vi.fn();
  render(
    <QueryClientProvider client={queryClient}>
      <SlotLightbox contractId={CONTRACT} week={week} layout={layout} slot={slot} zoneName="UTC" onStep={onStep} onClose={onClose} />
    </QueryClientProvider>,
  );
  return { onStep };
}

const shot = () => screen.getByRole('img', { name: /^Screenshot taken/ });
const zoomButton = () => screen.getByRole('button', { name: 'Zoom to 100 %' });

describe('the lightbox screenshot', () => {
  it('is fitted at first and shown at its captured size after a click, then fitted again', async () => {
    const user = userEvent.setup();
    renderLightbox();
    expect(zoomButton().getAttribute('aria-pressed')).toBe('false');
    expect(shot().style.width).toBe('');

    await user.click(shot());
    expect(zoomButton().getAttribute('aria-pressed')).toBe('true');
    expect(shot().style.width).toBe('1920px');
    expect(shot().style.height).toBe('1080px');

    await user.click(shot());
    expect(zoomButton().getAttribute('aria-pressed')).toBe('false');
    expect(shot().style.width).toBe('');
  });

  it('zooms with Z; the arrows step slots only while it is fitted', async () => {
    const user = userEvent.setup();
    const { onStep } = renderLightbox(1);
    await user.keyboard('z');
    expect(zoomButton().getAttribute('aria-pressed')).toBe('true');
    await user.keyboard('{ArrowRight}');
    expect(onStep).not.toHaveBeenCalled();

    await user.keyboard('Z');
    expect(zoomButton().getAttribute('aria-pressed')).toBe('false');
    await user.keyboard('{ArrowRight}');
    expect(onStep).toHaveBeenCalledWith(2);
  });

  it('links to the full screenshot in a new tab', () => {
    renderLightbox();
    const link = screen.getByRole('link', { name: /Open full size/ });
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('href')).toMatch(new RegExp(`/contracts/${CONTRACT}/slots/2026-11-23T09:10:00.000Z/screenshot$`));
  });
});

describe('a screenshot blurred by the contract’s terms', () => {
  it('says so to the client, and that only an admin sees the original, on an escalated dispute', () => {
    renderLightbox(1, { over: { blurred: true } });
    expect(screen.getByTestId('blurred-note').textContent).toMatch(/^Blurred by the contract’s terms\..*kept encrypted; an admin sees it only if a dispute on this slot is escalated/);
  });

  it('says nothing of it on a contract that shows screenshots as they are', () => {
    renderLightbox(1);
    expect(screen.queryByTestId('blurred-note')).toBeNull();
  });
});

describe('a question being written in the lightbox', () => {
  it('survives Esc: the draft stays and the lightbox stays open; Esc in an empty box closes it', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    renderLightbox(1, { ask: true, onClose });
    const box = screen.getByLabelText('Ask the contractor about this slot');
    await user.type(box, 'Which ticket was this?');
    await user.keyboard('{Escape}');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(onClose).not.toHaveBeenCalled();
    expect((box as HTMLTextAreaElement).value).toBe('Which ticket was this?');

    await user.clear(box);
    await user.keyboard('{Escape}');
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
  });
});

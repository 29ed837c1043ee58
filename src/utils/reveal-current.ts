// A strip of tabs or filter chips that scrolls sideways on a phone: its current one is brought
// into view, so a page opened from the fifth tab (or with the last chip chosen) does not show
// only the first four.
import { useLayoutEffect, useRef } from 'react';

/** Tabs mark the current one aria-current="page"; a group of toggle buttons, aria-pressed. */
const CURRENT = '[aria-current="page"], [aria-pressed="true"]';

/** Scrolls `strip` sideways, and nothing else, until its current item is whole on screen. */
export function revealCurrent(strip: HTMLElement | null): void {
  const current = strip?.querySelector<HTMLElement>(CURRENT);
  if (!strip || !current) return;
  // Within the strip's padding, so the item does not end flush with the screen's edge.
  const style = getComputedStyle(strip);
  const box = strip.getBoundingClientRect();
  const right = box.right - (parseFloat(style.paddingRight) || 0);
  const left = box.left + (parseFloat(style.paddingLeft) || 0);
  const item = current.getBoundingClientRect();
  if (item.right > right) strip.scrollLeft += item.right - right;
  else if (item.left < left) strip.scrollLeft -= left - item.left;
}

/**
 * A ref for the strip: its current item is revealed when `current` changes, and again when the
 * strip or its items change size (a scroll bar appearing beside a page that grew, the styles
 * arriving after the first paint).
 */
export function useRevealCurrent<T extends HTMLElement>(current: unknown) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const strip = ref.current;
    revealCurrent(strip);
    if (!strip || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => revealCurrent(strip));
    for (const el of [strip, ...strip.children]) observer.observe(el);
    return () => observer.disconnect();
  }, [current]);
  return ref;
}

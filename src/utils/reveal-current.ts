// A strip of tabs that scrolls sideways on a phone: its current tab (aria-current="page") is
// brought into view, so the page opened from the fifth tab does not show only the first four.

/** Scrolls `strip` sideways, and nothing else, until its current tab is whole on screen. */
export function revealCurrent(strip: HTMLElement | null): void {
  const current = strip?.querySelector<HTMLElement>('[aria-current="page"]');
  if (!strip || !current) return;
  const box = strip.getBoundingClientRect();
  const tab = current.getBoundingClientRect();
  if (tab.right > box.right) strip.scrollLeft += tab.right - box.right;
  else if (tab.left < box.left) strip.scrollLeft -= box.left - tab.left;
}

// The review's keys: J and K move through the queue, F flags, O or Enter opens the slot in the
// diary, ? shows them all. One window listener, with the latest handlers.
import { useEffect, useRef } from 'react';

interface ReviewKeys {
  step: (delta: number) => void;
  toggleFlag: () => void;
  openInDiary: () => void;
  showKeys: () => void;
}

/** Typing in a field, choosing in a select or working in a dialog: the review's keys stay off. */
function keysOff(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return true;
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  if (target.closest('input, textarea, select, [contenteditable="true"], dialog')) return true;
  return document.querySelector('dialog[open]') !== null;
}

export function useReviewKeys(handlers: ReviewKeys) {
  const keys = useRef(handlers);
  useEffect(() => {
    keys.current = handlers;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (keysOff(event)) return;
      const k = keys.current;
      const key = event.key;
      if (key === '?') k.showKeys();
      else if (key === 'j' || key === 'J') k.step(1);
      else if (key === 'k' || key === 'K') k.step(-1);
      else if (key === 'f' || key === 'F') k.toggleFlag();
      else if (key === 'o' || key === 'O') k.openInDiary();
      else if (key === 'Enter') {
        // Enter on a button or link does what that control does.
        const target = event.target as HTMLElement | null;
        if (target?.closest('button, a, summary, [role="button"]')) return;
        k.openInDiary();
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

// The bell in the top bar: the unread count, and a list that opens under it (a popover on a
// desktop, the full width on a phone). The list's code and items load only when it is opened;
// the list closes itself (Escape, a click elsewhere), to keep the first screen's script small.
import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { useUnreadCount } from '../api/get-unread-count.ts';

const NotificationPanel = lazy(() => import('./notification-panel.tsx'));

/** The bell itself: a chunk of its own, so the first screen's script only waits for its slot. */
export default function BellButton() {
  const unread = useUnreadCount().data?.unread ?? 0;
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  }, []);

  return (
    <div className="bell">
      <button
        ref={button}
        type="button"
        className="btn btn--ghost btn--sm btn--icon bell__button"
        aria-expanded={open}
        aria-controls={open ? 'bell-panel' : undefined}
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
        title="Notifications"
        onClick={() => setOpen((o) => !o)}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 && (
          <span className="bell__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <Suspense fallback={null}>
          <NotificationPanel onClose={close} />
        </Suspense>
      )}
    </div>
  );
}

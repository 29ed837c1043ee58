// The bell's list: each item links to where it is acted on and is marked read when followed;
// "Mark all read" clears the count. Loaded only when the bell is opened.
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { NotificationItem } from '#contract/notifications.ts';
import { useNotifications } from '../api/get-notifications.ts';
import { useMarkAllRead, useMarkRead } from '../api/mark-read.ts';

const when = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

function Item({ item, onFollow }: { item: NotificationItem; onFollow: (item: NotificationItem) => void }) {
  return (
    <li className="bell__item" data-unread={!item.read || undefined}>
      <Link to={item.link} className="bell__link" onClick={() => onFollow(item)}>
        <span className="bell__title">
          {item.title}
          {!item.read && <span className="sr-only"> (unread)</span>}
        </span>
        <span className="bell__body">{item.body}</span>
        <time className="bell__time" dateTime={item.createdAt}>
          {when.format(new Date(item.createdAt))}
        </time>
      </Link>
    </li>
  );
}

/** Closes on Escape (the focus goes back to the bell) and on a press outside the bell and the list. */
function useDismiss(onClose: (refocus: boolean) => void) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const bell = panel.current?.parentElement;
    const outside = (e: PointerEvent) => {
      if (!bell?.contains(e.target as Node)) onClose(false);
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose(true);
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [onClose]);
  return panel;
}

export default function NotificationPanel({ onClose }: { onClose: (refocus: boolean) => void }) {
  const panel = useDismiss(onClose);
  const list = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = list.data?.pages[0]?.unread ?? 0;

  const follow = (item: NotificationItem) => {
    if (!item.read) markRead.mutate(item.id);
    onClose(false);
  };

  return (
    <div ref={panel} id="bell-panel" className="bell__panel" role="region" aria-label="Notifications">
      <div className="bell__head">
        <h2 className="bell__heading">Notifications</h2>
        <button type="button" className="btn btn--ghost btn--sm" onClick={() => markAll.mutate()} disabled={unread === 0 || markAll.isPending}>
          Mark all read
        </button>
      </div>
      {list.isPending ? (
        <p className="bell__empty">Loading…</p>
      ) : list.isError ? (
        <p className="bell__empty" role="alert">
          Your notifications could not be loaded. {list.error.message}
        </p>
      ) : items.length === 0 ? (
        <p className="bell__empty">Nothing yet. You will be told here when a week waits for review, a dispute moves, or a question comes in.</p>
      ) : (
        <ul className="bell__list">
          {items.map((item) => (
            <Item key={item.id} item={item} onFollow={follow} />
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <div className="bell__more">
          <button type="button" className="btn btn--ghost btn--sm" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? 'Loading…' : 'Show older'}
          </button>
        </div>
      )}
    </div>
  );
}

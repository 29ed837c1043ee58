// The lightbox's screenshot: fitted to the room it has, or at 100 % (one screen pixel per
// captured pixel) so that small text reads. Zoomed, it pans by dragging or by scrolling (wheel,
// trackpad, touch); a click without a drag, or Z, goes back to fit. "Open full size" opens the
// screenshot itself in a new tab.
import { useImperativeHandle, useLayoutEffect, useRef, type MouseEvent, type PointerEvent, type Ref } from 'react';
import type { SlotDetail } from '#contract/week.ts';

export interface LightboxFigureHandle {
  /** Moves a zoomed screenshot sideways by this many pixels. */
  pan(dx: number): void;
}

interface LightboxFigureProps {
  ref?: Ref<LightboxFigureHandle>;
  thumbnailUrl: string;
  screenshotUrl: string;
  screenshot: SlotDetail['screenshot'];
  alt: string;
  zoomed: boolean;
  onZoom: (zoomed: boolean) => void;
}

/** A press that moves more than this (px) is a drag, not a click. */
const DRAG_SLOP = 4;

export function LightboxFigure({ ref, thumbnailUrl, screenshotUrl, screenshot, alt, zoomed, onZoom }: LightboxFigureProps) {
  const frameRef = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number; left: number; top: number; moved: boolean } | null>(null);
  // Where the fitted image was clicked, as fractions of its size: that point is centred once zoomed.
  const focus = useRef<{ fx: number; fy: number }>({ fx: 0.5, fy: 0.5 });

  useImperativeHandle(
    ref,
    () => ({
      pan: (dx: number) => {
        if (frameRef.current) frameRef.current.scrollLeft += dx;
      },
    }),
    [],
  );

  useLayoutEffect(() => {
    const el = frameRef.current;
    if (!zoomed || !el) return;
    el.scrollLeft = focus.current.fx * el.scrollWidth - el.clientWidth / 2;
    el.scrollTop = focus.current.fy * el.scrollHeight - el.clientHeight / 2;
  }, [zoomed]);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const el = frameRef.current;
    if (!el || event.button !== 0) return;
    drag.current = { x: event.clientX, y: event.clientY, left: el.scrollLeft, top: el.scrollTop, moved: false };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    const el = frameRef.current;
    if (!d || !el || !zoomed || event.pointerType === 'touch') return;
    const dx = event.clientX - d.x;
    const dy = event.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < DRAG_SLOP) return;
    if (!d.moved) el.setPointerCapture?.(event.pointerId);
    d.moved = true;
    el.scrollLeft = d.left - dx;
    el.scrollTop = d.top - dy;
  };
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const moved = drag.current?.moved ?? false;
    drag.current = null;
    if (moved) return;
    if (!zoomed) {
      const box = event.currentTarget.getBoundingClientRect();
      focus.current =
        box.width > 0 && box.height > 0
          ? { fx: (event.clientX - box.left) / box.width, fy: (event.clientY - box.top) / box.height }
          : { fx: 0.5, fy: 0.5 };
    }
    onZoom(!zoomed);
  };

  const ratio = screenshot && screenshot.height > 0 ? screenshot.width / screenshot.height : 16 / 9;
  return (
    <>
      <div
        ref={frameRef}
        className={zoomed ? 'lightbox__frame is-zoomed' : 'lightbox__frame'}
        style={{ backgroundImage: zoomed ? undefined : `url("${thumbnailUrl}")`, ['--ratio' as string]: ratio }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onClick={onClick}
        data-testid="lightbox-frame"
      >
        <img
          src={screenshotUrl}
          alt={alt}
          decoding="async"
          draggable={false}
          // At 100 %: the captured size in CSS pixels, whatever the image's own density.
          style={zoomed && screenshot ? { width: screenshot.width, height: screenshot.height } : undefined}
        />
      </div>
      <div className="lightbox__tools">
        <button type="button" className="btn btn--secondary btn--sm" aria-pressed={zoomed} aria-keyshortcuts="Z" onClick={() => onZoom(!zoomed)}>
          Zoom to 100 %
        </button>
        <a className="btn btn--secondary btn--sm" href={screenshotUrl} target="_blank" rel="noopener">
          Open full size<span className="sr-only"> (new tab)</span>
        </a>
      </div>
    </>
  );
}

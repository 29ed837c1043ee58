// The review deadline, live, in the viewer's own zone: "Review closes in 2 d 5 h 12 m — Friday
// 4 December, 23:59:59 your time (UTC+1)". It redraws itself alone, not the whole page.
import { useEffect, useMemo } from 'react';
import { browserTimeZone } from '#src/utils/time-zone.ts';
import { useTicking } from '#src/utils/server-clock.ts';
import { reviewClock } from '../utils/countdown.ts';
import './review-countdown.css';

interface ReviewCountdownProps {
  deadlines: { reviewFrom: string; reviewUntil: string };
  approved: boolean;
  clock: () => number;
  /** The window opened or closed while the page was open: the week's status has changed. */
  onPassed?: () => void;
}

export function ReviewCountdown({ deadlines, approved, clock, onPassed }: ReviewCountdownProps) {
  const zone = useMemo(() => browserTimeZone(), []);
  const now = useTicking(clock, approved ? null : 1000);
  const review = reviewClock(deadlines, approved, now, zone);
  const passed = review !== null && review.remaining === 0;
  useEffect(() => {
    if (passed) onPassed?.();
  }, [passed, onPassed]);

  if (!review) return null;
  return (
    <p className={`countdown countdown--${review.phase}`}>
      <svg className="countdown__icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
        <circle cx="10" cy="10.5" r="6.75" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M10 7v3.75l2.25 1.5M8 2.5h4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <span>
        {review.lead} <strong className="countdown__left">{review.countdown}</strong>
        <span className="countdown__at"> — {review.at} your time ({review.offset})</span>
      </span>
    </p>
  );
}

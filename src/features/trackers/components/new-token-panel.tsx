// The token, shown once: the exact command that connects the installed tracker, with a Copy
// button. Once this panel is dismissed (or the page left) the token cannot be shown again.
import { useEffect, useRef } from 'react';
import type { CreatedTracker } from '#contract/trackers.ts';
import { connectCommand } from '../utils/connect-command.ts';
import { CopyField } from '#src/components/ui/copy-field.tsx';

export function NewTokenPanel({ tracker, origin, onDone }: { tracker: CreatedTracker; origin: string; onDone: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Announce it and bring it into view: it is what the contractor needs next.
  useEffect(() => headingRef.current?.focus(), [tracker.id]);
  return (
    <section className="panel token-panel" aria-labelledby={`token-${tracker.id}`}>
      <h2 id={`token-${tracker.id}`} className="token-panel__title" ref={headingRef} tabIndex={-1}>
        Token for “{tracker.deviceName}”
      </h2>
      <p className="token-panel__lead">
        Copy it now: <strong>it is shown only this once.</strong> On that computer, with the tracker installed (above), run:
      </p>
      <CopyField label="Command" value={connectCommand(origin, tracker.token)} />
      <CopyField label="Token alone" value={tracker.token} />
      <div className="token-panel__actions">
        <button type="button" className="btn btn--primary" onClick={onDone}>
          I have copied it
        </button>
      </div>
    </section>
  );
}

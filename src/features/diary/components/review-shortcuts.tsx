// The review's keyboard shortcuts (opened with ?).
import { Dialog } from '#src/components/ui/dialog.tsx';
import './review-shortcuts.css';

const SHORTCUTS: [string[], string][] = [
  [['J', '↓'], 'Next slot'],
  [['K', '↑'], 'Previous slot'],
  [['F'], 'Flag the slot to dispute (again to un-flag)'],
  [['O', 'Enter'], 'Open the slot in the diary'],
  [['?'], 'Show these shortcuts'],
  [['Esc'], 'Close a dialog'],
];

export function ReviewShortcuts({ onClose }: { onClose: () => void }) {
  return (
    <Dialog
      title="Keyboard shortcuts"
      description="They work anywhere on the review page, except while typing in a field."
      onClose={onClose}
      footer={
        <button type="button" className="btn btn--primary" onClick={onClose}>
          Done
        </button>
      }
    >
      <dl className="rv-keys">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what} className="rv-keys__row">
            <dt>
              {keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && <span className="muted"> or </span>}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}

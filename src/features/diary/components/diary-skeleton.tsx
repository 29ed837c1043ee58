import './diary-skeleton.css';

/** The shape of a day while the week loads, so nothing jumps when it arrives. */
export function DiarySkeleton() {
  return (
    <div className="diary-skeleton" aria-busy="true" aria-label="Loading the week">
      <div className="skeleton skeleton--line" style={{ width: 220, height: 18, margin: '18px 0 16px' }} />
      {[0, 1, 2].map((row) => (
        <div key={row} className="diary-skeleton__row">
          <div className="skeleton skeleton--line diary-skeleton__label" />
          {[0, 1, 2, 3, 4, 5].map((cell) => (
            <div key={cell} className="diary-skeleton__card">
              <div className="skeleton diary-skeleton__thumb" />
              <div className="skeleton skeleton--line" style={{ width: '70%' }} />
              <div className="skeleton skeleton--line" style={{ width: '45%' }} />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

/** The shape of the timesheet while it loads, so nothing jumps when it arrives. */
export function TimesheetSkeleton() {
  return (
    <div className="ts-skeleton" aria-busy="true" aria-label="Loading the timesheet">
      <div className="review-panel review-panel--skeleton">
        <div className="skeleton skeleton--line" style={{ width: 150, height: 26 }} />
        <div className="skeleton skeleton--line" style={{ width: '60%' }} />
        <div className="skeleton skeleton--line" style={{ width: '45%' }} />
      </div>
      <div className="ts-summary">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="ts-stat">
            <div className="skeleton skeleton--line" style={{ width: '50%' }} />
            <div className="skeleton skeleton--line" style={{ width: '70%', height: 24 }} />
            <div className="skeleton skeleton--line" style={{ width: '80%' }} />
          </div>
        ))}
      </div>
      <div className="ts-layout">
        <div className="ts-main">
          <div className="ts-card">
            <div className="skeleton" style={{ height: 240 }} />
          </div>
          <div className="ts-card">
            {[0, 1, 2, 3, 4, 5, 6, 7].map((i) => (
              <div key={i} className="skeleton skeleton--line" style={{ height: 16, margin: '14px 0' }} />
            ))}
          </div>
        </div>
        <div className="ts-side">
          <div className="ts-panel">
            <div className="skeleton skeleton--line" style={{ width: '40%' }} />
            <div className="skeleton skeleton--block" />
          </div>
        </div>
      </div>
    </div>
  );
}

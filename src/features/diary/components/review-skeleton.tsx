/** The review's shape while the week loads: the queue on one side, the slot on the other. */
export function ReviewSkeleton() {
  return (
    <div className="rv-layout" aria-busy="true" aria-label="Loading the week">
      <div className="rv-list rv-list--skeleton" aria-hidden="true">
        {Array.from({ length: 7 }, (_, i) => (
          <div key={i} className="rv-item">
            <div className="rv-item__thumb skeleton" />
            <div className="rv-item__main">
              <span className="skeleton skeleton--line" style={{ width: '70%' }} />
              <span className="skeleton skeleton--line" style={{ width: '45%' }} />
            </div>
          </div>
        ))}
      </div>
      <div className="rv-detail" aria-hidden="true">
        <span className="skeleton skeleton--title" />
        <span className="skeleton rv-shot" />
        <span className="skeleton skeleton--line" style={{ width: '60%' }} />
        <span className="skeleton skeleton--line" style={{ width: '40%' }} />
      </div>
    </div>
  );
}

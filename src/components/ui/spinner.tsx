export function Spinner({ label = 'Loading', size = 20 }: { label?: string; size?: number }) {
  return (
    <span className="spinner" role="status" style={{ width: size, height: size }}>
      <span className="sr-only">{label}</span>
    </span>
  );
}

/** A whole page still loading: one spinner in the middle. */
export function PageSpinner({ label }: { label: string }) {
  return (
    <div className="page page--center" aria-busy="true">
      <Spinner size={28} label={label} />
    </div>
  );
}

export function Logo() {
  return (
    <span className="logo">
      <svg viewBox="0 0 32 32" width="24" height="24" aria-hidden="true">
        <rect width="32" height="32" rx="8" fill="#1f2937" />
        <g fill="#34d399">
          <rect x="7" y="8" width="5" height="5" rx="1" />
          <rect x="13.5" y="8" width="5" height="5" rx="1" />
          <rect x="20" y="8" width="5" height="5" rx="1" opacity=".45" />
          <rect x="7" y="14.5" width="5" height="5" rx="1" />
          <rect x="13.5" y="14.5" width="5" height="5" rx="1" opacity=".45" />
          <rect x="20" y="14.5" width="5" height="5" rx="1" />
          <rect x="7" y="21" width="5" height="5" rx="1" opacity=".45" />
          <rect x="13.5" y="21" width="5" height="5" rx="1" />
        </g>
      </svg>
      <span className="logo__name">workdiary</span>
    </span>
  );
}

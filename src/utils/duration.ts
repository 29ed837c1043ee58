// Durations as people read them on a timesheet: "7 h 40 m", "45 m", "0 h".

export function formatMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return rest === 0 ? '0 h' : `${rest} m`;
  return rest === 0 ? `${h} h` : `${h} h ${rest} m`;
}

/** Spoken form for screen readers: "7 hours 40 minutes". */
export function spokenMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  const hours = h === 1 ? '1 hour' : `${h} hours`;
  const mins = rest === 1 ? '1 minute' : `${rest} minutes`;
  if (h === 0) return rest === 0 ? '0 hours' : mins;
  return rest === 0 ? hours : `${hours} ${mins}`;
}

import { useMemo } from 'react';
import type { ZoneOption } from '#src/utils/time-zone-choice.ts';

/** The time-zone switch's options, for a `<select>` whose value is the choice. */
export function ZoneOptions({ options }: { options: readonly ZoneOption[] }) {
  return options.map((option) => (
    <option key={option.value} value={option.value} title={option.title} disabled={option.disabled}>
      {option.label}
    </option>
  ));
}

/** Every IANA zone the browser knows, UTC first (and `current`, should the browser not know it), for a `<select>` of zone names; the server checks the choice again. */
export function IanaZoneOptions({ current }: { current?: string }) {
  const zones = useMemo(() => {
    const names = new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]);
    if (current) names.add(current);
    return [...names].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
  }, [current]);
  return zones.map((z) => (
    <option key={z} value={z}>
      {z.replaceAll('_', ' ')}
    </option>
  ));
}

import type { ZoneOption } from '#src/utils/time-zone-choice.ts';

/** The time-zone switch's options, for a `<select>` whose value is the choice. */
export function ZoneOptions({ options }: { options: readonly ZoneOption[] }) {
  return options.map((option) => (
    <option key={option.value} value={option.value} title={option.title} disabled={option.disabled}>
      {option.label}
    </option>
  ));
}

// The diary's time-zone switch: UTC, the viewer's own zone, or the contractor's. The URL
// carries the choice (`tz=utc|local|contractor`) so links keep it; localStorage remembers it.
import { readStored, writeStored } from '../../../utils/storage.ts';
import { formatUtcOffset, zoneOffsetMinutes } from '../../../utils/time-zone.ts';

export const TZ_CHOICES = ['utc', 'local', 'contractor'] as const;
export type TzChoice = (typeof TZ_CHOICES)[number];

export const DEFAULT_TZ_CHOICE: TzChoice = 'local';
const STORAGE_KEY = 'workdiary.diary.tz';

export const isTzChoice = (value: unknown): value is TzChoice => TZ_CHOICES.includes(value as TzChoice);

export function resolveTimeZone(choice: TzChoice, zones: { local: string; contractor: string }): string {
  if (choice === 'utc') return 'UTC';
  return choice === 'local' ? zones.local : zones.contractor;
}

const CHOICE_NAME: Record<TzChoice, string> = { utc: 'UTC', local: 'Your time', contractor: "Contractor's time" };

/**
 * The option's label, always with the zone's name: "UTC", "Your time · Europe/Berlin (UTC+01:00)",
 * "Contractor's time · Asia/Kolkata (UTC+05:30)". The offset is the one at `at` (the week shown).
 */
export function tzChoiceLabel(choice: TzChoice, timeZone: string, at: number): string {
  if (choice === 'utc') return 'UTC';
  const offset = timeZone === 'UTC' || timeZone === 'Etc/UTC' ? '' : ` (${formatUtcOffset(zoneOffsetMinutes(timeZone, at))})`;
  return `${CHOICE_NAME[choice]} · ${timeZone}${offset}`;
}

export function readTzChoice(): TzChoice {
  const stored = readStored(STORAGE_KEY);
  return isTzChoice(stored) ? stored : DEFAULT_TZ_CHOICE;
}

export const rememberTzChoice = (choice: TzChoice) => writeStored(STORAGE_KEY, choice);

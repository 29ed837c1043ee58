// The diary's time-zone switch: UTC, the viewer's own zone, or the contractor's. The URL
// carries the choice (`tz=utc|local|contractor`) so links keep it; localStorage remembers it.
import { readStored, writeStored } from './storage.ts';
import { browserTimeZone, formatUtcOffset, zoneOffsetMinutes } from './time-zone.ts';
import { weekStartMs } from './week.ts';

export const TZ_CHOICES = ['utc', 'local', 'contractor'] as const;
export type TzChoice = (typeof TZ_CHOICES)[number];

export const DEFAULT_TZ_CHOICE: TzChoice = 'local';
const STORAGE_KEY = 'workdiary.diary.tz';

export const isTzChoice = (value: unknown): value is TzChoice => TZ_CHOICES.includes(value as TzChoice);

/**
 * The IANA zone a choice stands for; undefined while the contractor's zone is not known yet. The
 * browser's zone is only looked up for "local": the first Intl call costs ~80 ms of ICU setup.
 */
export function resolveTimeZone(choice: TzChoice, contractorZone: string | null | undefined, localZone: () => string = browserTimeZone): string | undefined {
  if (choice === 'utc') return 'UTC';
  return choice === 'local' ? localZone() : (contractorZone ?? undefined);
}

export interface ZoneOption {
  value: TzChoice;
  /** Short enough for a phone's select: "Contractor · Berlin (UTC+1)". */
  label: string;
  /** The whole name, for the option's tooltip: "Contractor's time · Europe/Berlin (UTC+01:00)". */
  title: string;
  disabled: boolean;
}

/** The switch's three options for the week starting `week`; the contractor's is disabled until its zone is known. */
export function zoneOptions(week: string, localZone: string, contractorZone: string | null | undefined): ZoneOption[] {
  const at = weekStartMs(week) + 3.5 * 86_400_000;
  return TZ_CHOICES.map((choice) => {
    const zone = choice === 'utc' ? 'UTC' : choice === 'local' ? localZone : (contractorZone ?? null);
    if (zone === null) return { value: choice, label: CHOICE_NAME.contractor, title: CHOICE_NAME.contractor, disabled: true };
    return { value: choice, label: tzChoiceShortLabel(choice, zone, at), title: tzChoiceLabel(choice, zone, at), disabled: false };
  });
}

const CHOICE_NAME: Record<TzChoice, string> = { utc: 'UTC', local: 'Your time', contractor: "Contractor's time" };
const SHORT_NAME: Record<TzChoice, string> = { utc: 'UTC', local: 'Your time', contractor: 'Contractor' };
const isUtc = (timeZone: string) => timeZone === 'UTC' || timeZone === 'Etc/UTC';

/**
 * The option's label on a select a phone can show whole: the zone's city and a compact offset,
 * "Your time · Berlin (UTC+1)", "Contractor · Kolkata (UTC+5:30)", "Contractor · Sao Paulo (UTC−3)".
 */
export function tzChoiceShortLabel(choice: TzChoice, timeZone: string, at: number): string {
  if (choice === 'utc') return 'UTC';
  if (isUtc(timeZone)) return `${SHORT_NAME[choice]} · UTC`;
  const minutes = zoneOffsetMinutes(timeZone, at);
  const abs = Math.abs(minutes);
  const offset = minutes === 0 ? '' : `${minutes > 0 ? '+' : '\u2212'}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
  const city = (timeZone.split('/').pop() ?? timeZone).replaceAll('_', ' ');
  return `${SHORT_NAME[choice]} · ${city} (UTC${offset})`;
}

/**
 * The option's label, always with the zone's name: "UTC", "Your time · Europe/Berlin (UTC+01:00)",
 * "Contractor's time · Asia/Kolkata (UTC+05:30)". The offset is the one at `at` (the week shown).
 */
export function tzChoiceLabel(choice: TzChoice, timeZone: string, at: number): string {
  if (choice === 'utc') return 'UTC';
  const offset = isUtc(timeZone) ? '' : ` (${formatUtcOffset(zoneOffsetMinutes(timeZone, at))})`;
  return `${CHOICE_NAME[choice]} · ${timeZone}${offset}`;
}

export function readTzChoice(): TzChoice {
  const stored = readStored(STORAGE_KEY);
  return isTzChoice(stored) ? stored : DEFAULT_TZ_CHOICE;
}

export const rememberTzChoice = (choice: TzChoice) => writeStored(STORAGE_KEY, choice);

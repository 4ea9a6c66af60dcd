import { site } from './identity';

const dateFormat = new Intl.DateTimeFormat(site.locale, { dateStyle: 'long', timeZone: site.timeZone });
const dateTimeFormat = new Intl.DateTimeFormat(site.locale, {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: site.timeZone,
});

export const formatDate = (date: Date) => dateFormat.format(date);

const dayFormat = new Intl.DateTimeFormat(site.locale, { day: 'numeric', month: 'long', timeZone: site.timeZone });
const clockFormat = new Intl.DateTimeFormat(site.locale, {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: site.timeZone,
});
/** "November 30 at 18:00 UTC": when comments close or pre-moderation ends, as readers are told. */
export const formatMoment = (date: Date) =>
  `${dayFormat.format(date)} at ${clockFormat.format(date)}${site.timeZone === 'UTC' ? ' UTC' : ''}`;
export const formatDateTime = (date: Date) => `${dateTimeFormat.format(date)} UTC`;

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString(site.locale)} ${count === 1 ? one : many}`;
}

/** To the second, in UTC, sortable: the audit log's times ("2026-11-27 19:04:31 UTC"). */
export const formatTimestamp = (date: Date) => `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;

/** How long something has waited, in a moderator's shorthand: "just now", "12 min", "3 h", "2 d". */
export function formatAge(since: Date, now: number): string {
  const minutes = Math.floor((now - since.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

'use client';
// Times in the reader's own words and time zone (issue 17). The server renders every time in UTC inside
// <time dateTime> (the cached, script-free page signed-out readers get keeps exactly that). With JavaScript, the
// times marked data-relative read "5 minutes ago", with the exact time in the reader's zone on hover, and stay
// current: once a minute, and whenever comments are added to the page (a post, a reply, live updates).
import { useEffect } from 'react';

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/** "just now", "5 minutes ago", "yesterday", "3 days ago"; null past a week (the date itself says more). */
export function relativeTime(date: Date, now: Date, format: Intl.RelativeTimeFormat): string | null {
  let value = (date.getTime() - now.getTime()) / 1000;
  if (Math.abs(value) < 45) return 'just now';
  for (const [unit, size] of units) {
    if (Math.abs(value) < size) return format.format(Math.round(value), unit);
    value /= size;
  }
  return null;
}

export function LocalTimes() {
  useEffect(() => {
    const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
    const exact = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });
    const short = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    let queued = 0;
    const update = () => {
      queued = 0;
      const now = new Date();
      for (const time of document.querySelectorAll<HTMLTimeElement>('time[data-relative]')) {
        const date = new Date(time.dateTime);
        if (Number.isNaN(date.getTime())) continue;
        const text = relativeTime(date, now, relative) ?? short.format(date);
        if (time.textContent !== text) time.textContent = text;
        const title = exact.format(date);
        if (time.title !== title) time.title = title;
      }
    };
    const schedule = () => {
      if (!queued) queued = requestAnimationFrame(update);
    };
    update();
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true });
    const timer = window.setInterval(schedule, 60_000);
    return () => {
      observer.disconnect();
      window.clearInterval(timer);
      cancelAnimationFrame(queued);
    };
  }, []);
  return null;
}

/** The calendar date in UTC as YYYY-MM-DD. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const DATE_TIME_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/** "23 November 2026", as NHS content style writes dates. */
export function formatDate(value: string | Date): string {
  return DATE_FORMAT.format(typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value);
}

export function formatDateTime(value: Date): string {
  return DATE_TIME_FORMAT.format(value);
}

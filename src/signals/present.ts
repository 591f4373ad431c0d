const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** 'YYYY-MM' as "May 2026"; a survey year 'YYYY' as itself. */
export function formatPeriod(period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  return MONTH.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

export const KIND_LABELS = { concern: 'Concern', improvement: 'Improvement' } as const;
export const STATUS_LABELS = { new: 'New', acknowledged: 'Acknowledged', closed: 'Closed' } as const;
export const RULE_LABELS: Record<string, string> = {
  spc: 'Special cause variation in the team’s own data (SPC)',
  funnel: 'Beyond the 99.8% funnel limit compared with similar units',
};

const DAY_MS = 86_400_000;

/** How long ago, in whole days: "today", "1 day", "12 days". */
export function formatAge(since: Date, now: Date): string {
  const days = Math.floor((now.getTime() - since.getTime()) / DAY_MS);
  if (days <= 0) return 'Today';
  return days === 1 ? '1 day' : `${days} days`;
}

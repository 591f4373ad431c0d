import { calendarMonth, DEMO_MONTH_COUNT, monthKey } from '#src/demo/calendar.ts';
import type { Random } from '#src/demo/random.ts';
import type { SourceContext } from '#src/demo/sources/context.ts';
import { TRUST_CODE } from '#src/demo/structure.ts';

/** Response times in seconds, as AmbSYS counts them; the CSV shows them as hh:mm:ss. */
export interface ResponseTimesRow {
  month: string;
  /** The trust, or an Emergency Operations hub. */
  unitCode: string;
  incidents: number;
  c1MeanSeconds: number;
  c1P90Seconds: number;
  c2MeanSeconds: number;
  c2P90Seconds: number;
  c3P90Seconds: number;
  c4P90Seconds: number;
  handovers: number;
  handoversWithin15: number;
  handoversWithin30: number;
  handoversWithin60: number;
}

export interface CallHandlingRow {
  month: string;
  service: '999' | 'NHS 111';
  /** The trust, or a call centre. */
  unitCode: string;
  callsReceived: number;
  callsAnswered: number;
  answeredWithin5Seconds: number;
  answeredWithin60Seconds: number;
  meanAnswerSeconds: number;
  p90AnswerSeconds: number;
}

const YEAR_PRESSURE: Readonly<Record<number, number>> = { 2021: 0.45, 2022: 0.55, 2023: 0.2, 2024: 0.05, 2025: -0.05, 2026: -0.1 };
/** The worst winter month on record for ambulance response times. */
const WORST_MONTH = '2022-12';

/** System pressure by month: winter, the post-pandemic years, one very bad December, noise. */
function pressureByMonth(random: Random): number[] {
  return Array.from({ length: DEMO_MONTH_COUNT }, (_, month) => {
    const key = monthKey(month);
    const winter = 0.45 * Math.cos((2 * Math.PI * (calendarMonth(month) - 1)) / 12);
    return winter + (YEAR_PRESSURE[Number(key.slice(0, 4))] ?? 0) + (key === WORST_MONTH ? 0.9 : 0) + random.normal(0, 0.1);
  });
}

const share = (value: number): number => Math.min(0.995, Math.max(0.05, value));

interface Totals {
  incidents: number;
  sums: { c1: number; c1p: number; c2: number; c2p: number; c3p: number; c4p: number };
  handovers: number;
  within: [number, number, number];
}

export function generateOperational(context: SourceContext): { responseTimes: ResponseTimesRow[]; callHandling: CallHandlingRow[] } {
  const random = context.random.fork('operational');
  const pressure = pressureByMonth(random);
  const { structure, headcount } = context;
  const staffIn = (areaCode: string, month: number): number =>
    structure.teams.filter((t) => t.areaCode === areaCode).reduce((sum, t) => sum + (headcount.headcount[t.index]?.[month] ?? 0), 0);
  const hubs = structure.areas.filter((a) => a.isHub);
  const hubFactor = new Map(hubs.map((h) => [h.code, Math.exp(random.normal(0, 0.08))]));

  const responseTimes: ResponseTimesRow[] = [];
  for (let month = 0; month < DEMO_MONTH_COUNT; month += 1) {
    const p = pressure[month] ?? 0;
    const growth = 1 + 0.04 * (month / 12);
    const total: Totals = { incidents: 0, sums: { c1: 0, c1p: 0, c2: 0, c2p: 0, c3p: 0, c4p: 0 }, handovers: 0, within: [0, 0, 0] };
    const hubRows: ResponseTimesRow[] = [];
    for (const hub of hubs) {
      const factor = (hubFactor.get(hub.code) ?? 1) * Math.exp(random.normal(0, 0.05));
      const incidents = Math.round(staffIn(hub.code, month) * 21 * growth * (1 + 0.08 * Math.cos((2 * Math.PI * (calendarMonth(month) - 1)) / 12)) * Math.exp(random.normal(0, 0.03)));
      const c1 = 7.3 * 60 * Math.exp(0.12 * p) * factor;
      const c2 = 26 * 60 * Math.exp(0.6 * p) * factor;
      const c3p = 150 * 60 * Math.exp(0.65 * p) * factor;
      const handovers = Math.round(incidents * 0.52);
      const w15 = Math.round(handovers * share(0.48 - 0.14 * p + random.normal(0, 0.02)));
      const w30 = Math.max(w15, Math.round(handovers * share(0.8 - 0.12 * p + random.normal(0, 0.015))));
      const w60 = Math.max(w30, Math.round(handovers * share(0.95 - 0.06 * p + random.normal(0, 0.01))));
      const row: ResponseTimesRow = {
        month: monthKey(month),
        unitCode: hub.code,
        incidents,
        c1MeanSeconds: Math.round(c1),
        c1P90Seconds: Math.round(c1 * 1.78),
        c2MeanSeconds: Math.round(c2),
        c2P90Seconds: Math.round(c2 * 2.2),
        c3P90Seconds: Math.round(c3p),
        c4P90Seconds: Math.round(c3p * 1.35),
        handovers,
        handoversWithin15: w15,
        handoversWithin30: w30,
        handoversWithin60: w60,
      };
      hubRows.push(row);
      total.incidents += incidents;
      total.sums.c1 += row.c1MeanSeconds * incidents;
      total.sums.c1p += row.c1P90Seconds * incidents;
      total.sums.c2 += row.c2MeanSeconds * incidents;
      total.sums.c2p += row.c2P90Seconds * incidents;
      total.sums.c3p += row.c3P90Seconds * incidents;
      total.sums.c4p += row.c4P90Seconds * incidents;
      total.handovers += handovers;
      total.within = [total.within[0] + w15, total.within[1] + w30, total.within[2] + w60];
    }
    // Trust means are incident-weighted means of the hubs; its centiles are approximated the same way.
    const weighted = (sum: number): number => (total.incidents === 0 ? 0 : Math.round(sum / total.incidents));
    responseTimes.push({
      month: monthKey(month),
      unitCode: TRUST_CODE,
      incidents: total.incidents,
      c1MeanSeconds: weighted(total.sums.c1),
      c1P90Seconds: weighted(total.sums.c1p),
      c2MeanSeconds: weighted(total.sums.c2),
      c2P90Seconds: weighted(total.sums.c2p),
      c3P90Seconds: weighted(total.sums.c3p),
      c4P90Seconds: weighted(total.sums.c4p),
      handovers: total.handovers,
      handoversWithin15: total.within[0],
      handoversWithin30: total.within[1],
      handoversWithin60: total.within[2],
    }, ...hubRows);
  }

  const callHandling: CallHandlingRow[] = [];
  const centres = [
    ...structure.areas.filter((a) => structure.teams.some((t) => t.areaCode === a.code && t.profile.kind === 'eoc')).map((a) => ({ code: a.code, service: '999' as const, callsPerStaff: 125 })),
    ...structure.areas.filter((a) => structure.teams.some((t) => t.areaCode === a.code && t.profile.kind === 'nhs111')).map((a) => ({ code: a.code, service: 'NHS 111' as const, callsPerStaff: 190 })),
  ];
  for (let month = 0; month < DEMO_MONTH_COUNT; month += 1) {
    const p = pressure[month] ?? 0;
    for (const service of ['999', 'NHS 111'] as const) {
      const rows: CallHandlingRow[] = [];
      for (const centre of centres.filter((c) => c.service === service)) {
        const received = Math.round(staffIn(centre.code, month) * centre.callsPerStaff * Math.exp(0.25 * p + random.normal(0, 0.04)));
        const is999 = service === '999';
        const answered = Math.round(received * share((is999 ? 0.99 : 0.93) - (is999 ? 0.02 : 0.08) * Math.max(0, p)));
        const mean = Math.max(1, (is999 ? 3 : 45) * Math.exp((is999 ? 0.9 : 1.1) * p + random.normal(0, 0.08)));
        rows.push({
          month: monthKey(month),
          service,
          unitCode: centre.code,
          callsReceived: received,
          callsAnswered: answered,
          answeredWithin5Seconds: Math.round(answered * share(is999 ? 0.92 - 0.1 * p : 0.18 - 0.05 * p)),
          answeredWithin60Seconds: Math.round(answered * share(is999 ? 0.99 - 0.02 * p : 0.72 - 0.2 * p)),
          meanAnswerSeconds: Math.round(mean),
          p90AnswerSeconds: Math.round(mean * 2.6),
        });
      }
      const sum = (pick: (r: CallHandlingRow) => number): number => rows.reduce((total, r) => total + pick(r), 0);
      const answered = sum((r) => r.callsAnswered);
      const weighted = (pick: (r: CallHandlingRow) => number): number => (answered === 0 ? 0 : Math.round(sum((r) => pick(r) * r.callsAnswered) / answered));
      callHandling.push({
        month: monthKey(month),
        service,
        unitCode: TRUST_CODE,
        callsReceived: sum((r) => r.callsReceived),
        callsAnswered: answered,
        answeredWithin5Seconds: sum((r) => r.answeredWithin5Seconds),
        answeredWithin60Seconds: sum((r) => r.answeredWithin60Seconds),
        meanAnswerSeconds: weighted((r) => r.meanAnswerSeconds),
        p90AnswerSeconds: weighted((r) => r.p90AnswerSeconds),
      }, ...rows);
    }
  }
  return { responseTimes, callHandling };
}

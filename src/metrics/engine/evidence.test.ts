import { describe, expect, it } from 'vitest';
import { funnelEvidence, spcEvidence } from './evidence.ts';
import { engineMetrics } from './metric.ts';

const metric = (key: string) => engineMetrics([], new Set([key]))[0]!;

describe('evidence in words', () => {
  it('names the SPC special cause with the month it began and the numbers', () => {
    expect(spcEvidence(metric('sickness_absence_rate'), 'concern', '2026-05', '2026-10', 7.93, 5.12)).toBe(
      'Sickness absence rate: special cause of concern since May 2026 (7.9% in October 2026; mean 5.1%)',
    );
  });
  it('counts events against those expected for a rate', () => {
    expect(funnelEvidence(metric('employee_relations_cases'), { fromPeriod: '2026-05', toPeriod: '2026-10', months: 6 }, 'above', 4, 0.94, 9.1, 7.2)).toBe(
      '4 cases opened in 6 months to October 2026 where 0.9 were expected (Formal employee relations cases, above the 99.8% funnel limit)',
    );
  });
  it('gives a score and the limit it crossed', () => {
    expect(funnelEvidence(metric('staff_engagement'), { fromPeriod: '2025', toPeriod: '2025', months: 1 }, 'below', 0, 0, 5.91, 6.42)).toBe(
      'Staff engagement 5.9 in 2025, below the 99.8% funnel limit of 6.4',
    );
  });
});

describe('expected chance signals', () => {
  it('adds the SPC and funnel chance rates of every series that can raise signals', async () => {
    const { expectedChanceSignals, CHANCE_SPC_SIGNAL, CHANCE_FUNNEL_SIGNAL } = await import('./chance.ts');
    const values = Array.from({ length: 60 }, () => 1);
    const funnel = { fromPeriod: '2026-05', toPeriod: '2026-10', value: 1, size: 1, target: 1, lower95: 0, upper95: 2, lower998: 0, upper998: 3, position: 'inside', z: 0, adjustment: 'none', phi: 1 };
    const expected = expectedChanceSignals([
      { raisesSignals: true, data: { values, funnel } },
      { raisesSignals: true, data: { values: values.map(() => null), funnel: null } },
      { raisesSignals: false, data: { values, funnel } },
    ]);
    expect(expected).toBeCloseTo(CHANCE_SPC_SIGNAL + CHANCE_FUNNEL_SIGNAL);
  });
});

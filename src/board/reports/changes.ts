import type { ReportChange, ReportObjective } from '../snapshot.ts';

/**
 * Every board metric of this report beside its value and variation in the last published report
 * (null where that report did not have it). Empty when nothing was published before.
 */
export function changesSince(previous: readonly ReportObjective[] | undefined, current: readonly ReportObjective[]): ReportChange[] {
  if (!previous) return [];
  const before = new Map(previous.flatMap((objective) => objective.metrics).map((metric) => [metric.key, metric]));
  return current
    .flatMap((objective) => objective.metrics)
    .map((metric) => {
      const earlier = before.get(metric.key);
      return {
        metricKey: metric.key,
        name: metric.name,
        previousValue: earlier?.value ?? null,
        value: metric.value,
        previousVariation: earlier?.variation ?? null,
        variation: metric.variation,
      };
    });
}

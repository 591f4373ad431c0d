import { z } from 'zod';
import { MINIMUM_GROUP_SIZES, type SuppressionMetric } from '#src/stats/suppression/thresholds.ts';

const MAX_GROUP_SIZE = 1000;

function ruleOf(suppressionRule: string) {
  return suppressionRule in MINIMUM_GROUP_SIZES ? MINIMUM_GROUP_SIZES[suppressionRule as SuppressionMetric] : null;
}

/** The hint under the minimum group size field: what it counts, its default and its floor. */
export function minimumGroupSizeHint(suppressionRule: string): string {
  const rule = ruleOf(suppressionRule);
  if (!rule) return 'This measure is not about individuals, so it needs no minimum. Leave blank for none.';
  return `Counted over ${rule.countedOver}. The default is ${rule.default}; it can be raised but never set below ${rule.floor}.`;
}

/**
 * The metric edit form. The minimum group size is checked against the floor for the metric's
 * suppression rule (`MINIMUM_GROUP_SIZES`): an analyst may raise it, never lower it below the floor.
 */
export function metricEditSchema(suppressionRule: string) {
  const rule = ruleOf(suppressionRule);
  const wholeNumber = (message: string) =>
    z
      .string()
      .trim()
      .regex(/^\d+$/, message)
      .transform(Number);
  const minimumGroupSize = rule
    ? wholeNumber(`Enter the minimum group size as a whole number, ${rule.floor} or more`)
        .refine((n) => n >= rule.floor, `Minimum group size must be ${rule.floor} or more: smaller groups could identify people`)
        .refine((n) => n <= MAX_GROUP_SIZE, `Minimum group size must be ${MAX_GROUP_SIZE} or fewer`)
    : z.union([
        z.literal('').transform(() => null),
        wholeNumber('Enter the minimum group size as a whole number, or leave it blank').refine(
          (n) => n >= 1 && n <= MAX_GROUP_SIZE,
          `Minimum group size must be between 1 and ${MAX_GROUP_SIZE}`,
        ),
      ]);
  return z.object({
    name: z.string().trim().min(1, 'Enter a name for the measure').max(120, 'Name must be 120 characters or fewer'),
    description: z.string().trim().min(1, 'Enter a description of the measure').max(2000, 'Description must be 2,000 characters or fewer'),
    target: z
      .string()
      .trim()
      .transform((value, ctx) => {
        if (value === '') return null;
        const n = Number(value.replace(/,/g, ''));
        if (!Number.isFinite(n) || !/^-?[\d,]*\.?\d+$/.test(value)) {
          ctx.addIssue({ code: 'custom', message: 'Enter the target as a number, like 95 or 4.5, or leave it blank' });
          return z.NEVER;
        }
        return n;
      }),
    minimumGroupSize,
    polarity: z.enum(['increase', 'decrease', 'neutral'], { message: 'Select which direction is better' }),
  });
}
export type MetricEdit = z.infer<ReturnType<typeof metricEditSchema>>;

import type { Random } from '#src/demo/random.ts';

/** Why people leave, in ESR's leaving-reason wording, and how likely they are to go in a month. */

const VOLUNTARY: readonly (readonly [string, number])[] = [
  ['Voluntary Resignation - Work Life Balance', 24],
  ['Voluntary Resignation - Relocation', 15],
  ['Voluntary Resignation - Promotion', 13],
  ['Voluntary Resignation - Better Reward Package', 7],
  ['Voluntary Resignation - Lack of Opportunities', 5],
  ['Voluntary Resignation - Health', 4],
  ['Voluntary Resignation - Incompatible Working Relationships', 2],
  ['Voluntary Resignation - Other/Not Known', 12],
  ['End of Fixed Term Contract', 4],
  ['Dismissal - Conduct', 1.5],
  ['Dismissal - Capability', 1],
  ['Death in Service', 0.2],
];

const RETIREMENT: readonly (readonly [string, number])[] = [
  ['Retirement Age', 70],
  ['Flexi Retirement', 12],
  ['Voluntary Early Retirement - no Actuarial Reduction', 8],
  ['Ill Health Retirement', 5],
  ['Voluntary Resignation - Work Life Balance', 5],
];

const STRAINED: readonly (readonly [string, number])[] = [
  ['Voluntary Resignation - Incompatible Working Relationships', 30],
  ['Voluntary Resignation - Work Life Balance', 25],
  ['Voluntary Resignation - Health', 10],
  ['Voluntary Resignation - Other/Not Known', 15],
];

export const RETIREMENT_AGE_LIMIT = 67;

export function drawLeavingReason(random: Random, options: { age: number; isStrained: boolean }): string {
  if (options.age >= 58 && random.chance(0.75)) return random.weighted(RETIREMENT);
  if (options.isStrained && random.chance(0.5)) return random.weighted(STRAINED);
  return random.weighted(VOLUNTARY);
}

/** The chance of leaving the trust this month. */
export function monthlyLeavingProbability(options: {
  annualRate: number;
  effect: number;
  age: number;
  yearsOfService: number;
}): number {
  let rate = options.annualRate * options.effect;
  if (options.yearsOfService < 1) rate *= 1.6;
  if (options.age >= 60) rate += 0.2;
  if (options.age >= 65) rate += 0.4;
  return 1 - Math.exp(-rate / 12);
}

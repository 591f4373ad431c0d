import type { Climate } from '#src/demo/effects.ts';
import type { HeadcountIndex } from '#src/demo/headcount.ts';
import type { Random } from '#src/demo/random.ts';
import type { Structure } from '#src/demo/structure.ts';
import type { Workforce } from '#src/demo/workforce.ts';

/** What every source generator draws on. Each generator forks its own random stream. */
export interface SourceContext {
  structure: Structure;
  workforce: Workforce;
  climate: Climate;
  headcount: HeadcountIndex;
  random: Random;
}

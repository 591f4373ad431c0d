import type { NameBackground } from '#src/demo/names.ts';
import type { Random } from '#src/demo/random.ts';

export type EthnicGroup = 'White' | 'Ethnic minority' | 'Not stated';

interface EthnicityCategory {
  /** ONS 2021 census category, as "High-level group - category". */
  label: string;
  group: EthnicGroup;
  /** Relative weight within its group (a West Midlands-like workforce). */
  weight: number;
  /** Name lists to draw from, with weights. */
  names: readonly (readonly [NameBackground, number])[];
}

const WHITE: readonly EthnicityCategory[] = [
  { label: 'White - English, Welsh, Scottish, Northern Irish or British', group: 'White', weight: 93, names: [['british', 1]] },
  { label: 'White - Irish', group: 'White', weight: 1.6, names: [['irish', 3], ['british', 1]] },
  { label: 'White - Gypsy or Irish Traveller', group: 'White', weight: 0.1, names: [['british', 1], ['irish', 1]] },
  { label: 'White - Roma', group: 'White', weight: 0.1, names: [['european', 1]] },
  { label: 'White - Any other White background', group: 'White', weight: 5.2, names: [['european', 4], ['british', 1]] },
];

const MINORITY: readonly EthnicityCategory[] = [
  { label: 'Mixed or Multiple ethnic groups - White and Black Caribbean', group: 'Ethnic minority', weight: 8, names: [['british', 2], ['caribbean', 1]] },
  { label: 'Mixed or Multiple ethnic groups - White and Black African', group: 'Ethnic minority', weight: 2, names: [['british', 1], ['african', 1]] },
  { label: 'Mixed or Multiple ethnic groups - White and Asian', group: 'Ethnic minority', weight: 3.5, names: [['british', 2], ['indian', 1], ['pakistani', 1]] },
  { label: 'Mixed or Multiple ethnic groups - Any other Mixed or Multiple background', group: 'Ethnic minority', weight: 3, names: [['british', 1], ['caribbean', 1]] },
  { label: 'Asian or Asian British - Indian', group: 'Ethnic minority', weight: 24, names: [['indian', 1]] },
  { label: 'Asian or Asian British - Pakistani', group: 'Ethnic minority', weight: 17, names: [['pakistani', 1]] },
  { label: 'Asian or Asian British - Bangladeshi', group: 'Ethnic minority', weight: 4, names: [['bangladeshi', 1]] },
  { label: 'Asian or Asian British - Chinese', group: 'Ethnic minority', weight: 3, names: [['chinese', 1]] },
  { label: 'Asian or Asian British - Any other Asian background', group: 'Ethnic minority', weight: 5, names: [['indian', 1], ['pakistani', 1]] },
  { label: 'Black, Black British, Caribbean or African - Caribbean', group: 'Ethnic minority', weight: 12, names: [['caribbean', 1]] },
  { label: 'Black, Black British, Caribbean or African - African', group: 'Ethnic minority', weight: 13, names: [['african', 1]] },
  { label: 'Black, Black British, Caribbean or African - Any other Black, Black British, or Caribbean background', group: 'Ethnic minority', weight: 2, names: [['caribbean', 1], ['african', 1]] },
  { label: 'Other ethnic group - Arab', group: 'Ethnic minority', weight: 1.5, names: [['arab', 1]] },
  { label: 'Other ethnic group - Any other ethnic group', group: 'Ethnic minority', weight: 2, names: [['arab', 1], ['chinese', 1], ['european', 1]] },
];

const NOT_STATED: EthnicityCategory = { label: 'Not stated', group: 'Not stated', weight: 1, names: [['british', 9], ['indian', 1]] };

const NOT_STATED_SHARE = 0.03;
const DISABILITY_YES_SHARE = 0.06;
const DISABILITY_NOT_DECLARED_SHARE = 0.15;

type AgeBand = '16-24' | '25-34' | '35-44' | '45-54' | '55-64' | '65+';

export interface PersonTraits {
  sex: 'Female' | 'Male';
  ethnicity: string;
  ethnicGroup: EthnicGroup;
  disability: 'Yes' | 'No' | 'Not declared';
  nameBackground: NameBackground;
}

/** Draws sex, ethnicity and disability; `minorityShare` is the share of ethnic-minority staff among those who state it. */
export function drawTraits(random: Random, options: { femaleShare: number; minorityShare: number }): PersonTraits {
  const sex = random.chance(options.femaleShare) ? 'Female' : 'Male';
  let category: EthnicityCategory;
  if (random.chance(NOT_STATED_SHARE)) category = NOT_STATED;
  else {
    const pool = random.chance(options.minorityShare) ? MINORITY : WHITE;
    category = random.weighted(pool.map((c) => [c, c.weight] as const));
  }
  const roll = random.next();
  const disability = roll < DISABILITY_YES_SHARE ? 'Yes' : roll < DISABILITY_YES_SHARE + DISABILITY_NOT_DECLARED_SHARE ? 'Not declared' : 'No';
  return {
    sex,
    ethnicity: category.label,
    ethnicGroup: category.group,
    disability,
    nameBackground: random.weighted(category.names),
  };
}

export function ageBandOf(age: number): AgeBand {
  if (age < 25) return '16-24';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  if (age < 65) return '55-64';
  return '65+';
}

import type { DemoStoryInstance } from '#src/demo/stories.ts';
import type { DemoSources } from '#src/demo/sources/index.ts';
import type { AccountKey } from '#src/demo/structure.ts';

/** The synthetic trust the generator returns. Dates are 'YYYY-MM-DD', months 'YYYY-MM'. */

export interface DemoUnit {
  code: string;
  name: string;
  level: 'trust' | 'directorate' | 'area' | 'team';
  parentCode: string | null;
  openedOn: string;
  closedOn: string | null;
}

export interface DemoPerson {
  staffNumber: string;
  givenName: string;
  familyName: string;
  email: string;
}

/** Who holds a post and what the post is, as every ESR-style export names it. */
export interface PostFields {
  staffNumber: string;
  unitCode: string;
  jobTitle: string;
  staffGroup: string;
  band: string;
  fte: number;
}

export interface DemoAssignment extends PostFields {
  lineManagerStaffNumber: string | null;
  startDate: string;
  /** Last day in the assignment, inclusive; null while it continues. */
  endDate: string | null;
}

export interface DemoCharacteristics {
  staffNumber: string;
  ethnicity: string;
  ethnicGroup: 'White' | 'Ethnic minority' | 'Not stated';
  disability: string;
  sex: string;
  /** Age at the end of the period, or on leaving for leavers. */
  ageBand: string;
}

export type { AccountKey };

export interface DemoTrust {
  name: string;
  endMonth: string;
  /** Parents before children. */
  units: DemoUnit[];
  people: DemoPerson[];
  assignments: DemoAssignment[];
  characteristics: DemoCharacteristics[];
  /** The Emergency Operations hub the demo manager manages. */
  managerHubCode: string;
  /** The staff number each demo account is linked to. */
  accountPeople: Record<AccountKey, string>;
  stories: DemoStoryInstance[];
  sources: DemoSources;
}

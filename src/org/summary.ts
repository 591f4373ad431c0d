import type { OrgTree, OrgUnitNode } from './tree.ts';
import type { UnitHeadcount } from './store.ts';

export interface UnitTotals {
  headcount: number;
  fte: number;
}

/** Totals for a unit summed over its subtree from per-leaf counts (people hold one assignment at a time). */
export function totalsFor(tree: OrgTree, unitId: number, counts: ReadonlyMap<number, UnitHeadcount>): UnitTotals {
  let headcount = 0;
  let fte = 0;
  for (const unit of tree.subtree(unitId)) {
    const count = counts.get(unit.id);
    if (!count) continue;
    headcount += count.headcount;
    fte += count.fte;
  }
  return { headcount, fte: Math.round(fte * 100) / 100 };
}

export const LEVEL_LABELS: Record<OrgUnitNode['level'], string> = {
  trust: 'Trust',
  directorate: 'Directorate',
  area: 'Area or hub',
  team: 'Team',
};

/** A person's current job as the pages show it. */
export interface JobFields {
  unitName: string;
  jobTitle: string;
  band: string;
  fte: number;
  startDate: string;
  managerGivenName: string | null;
  managerFamilyName: string | null;
}

export function lineManagerName(job: Pick<JobFields, 'managerGivenName' | 'managerFamilyName'>): string | undefined {
  return job.managerGivenName ? `${job.managerGivenName} ${job.managerFamilyName ?? ''}`.trim() : undefined;
}

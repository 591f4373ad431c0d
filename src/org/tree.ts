export type OrgLevel = 'trust' | 'directorate' | 'area' | 'team';

export interface OrgUnitNode {
  id: number;
  code: string;
  name: string;
  level: OrgLevel;
  parentId: number | null;
}

/** The organisation as it stands on one date: built from rows, answers tree questions in memory. */
/** One collator for every sort: `localeCompare` with options builds a new one per comparison. */
const NAME_ORDER = new Intl.Collator('en-GB', { numeric: true });

export class OrgTree {
  private readonly byId = new Map<number, OrgUnitNode>();
  private readonly childrenById = new Map<number, OrgUnitNode[]>();

  constructor(units: readonly OrgUnitNode[]) {
    for (const unit of units) this.byId.set(unit.id, unit);
    for (const unit of units) {
      if (unit.parentId === null) continue;
      const siblings = this.childrenById.get(unit.parentId) ?? [];
      siblings.push(unit);
      this.childrenById.set(unit.parentId, siblings);
    }
    for (const siblings of this.childrenById.values()) siblings.sort((a, b) => NAME_ORDER.compare(a.name, b.name));
  }

  get(id: number): OrgUnitNode | undefined {
    return this.byId.get(id);
  }

  roots(): OrgUnitNode[] {
    return [...this.byId.values()].filter((unit) => unit.parentId === null);
  }

  children(id: number): OrgUnitNode[] {
    return this.childrenById.get(id) ?? [];
  }

  /** From the root down to the unit itself. */
  path(id: number): OrgUnitNode[] {
    const path: OrgUnitNode[] = [];
    for (let unit = this.byId.get(id); unit; unit = unit.parentId === null ? undefined : this.byId.get(unit.parentId)) {
      path.unshift(unit);
      if (path.length > this.byId.size) throw new Error(`The org tree has a cycle at unit ${id}`);
    }
    return path;
  }

  /** True when unitId is ancestorId or lies below it. */
  isWithin(unitId: number, ancestorId: number): boolean {
    return this.path(unitId).some((unit) => unit.id === ancestorId);
  }

  /** The unit and every unit below it, parents before children. */
  subtree(id: number): OrgUnitNode[] {
    const root = this.byId.get(id);
    if (!root) return [];
    const result: OrgUnitNode[] = [];
    const queue = [root];
    for (let unit = queue.shift(); unit; unit = queue.shift()) {
      result.push(unit);
      queue.push(...this.children(unit.id));
    }
    return result;
  }
}

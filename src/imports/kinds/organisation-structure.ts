import { and, eq, inArray, isNull } from 'drizzle-orm';
import { orgUnit, orgUnitParent } from '#src/db/schema.ts';
import { choice, date, optional, optionalDate, parseCode, text, unitCode } from './cells.ts';
import { endBeforeStart } from './columns.ts';
import { defineKind, idOf, type RowIssue } from './define.ts';
import { loadUnitIds } from '../store.ts';
import { upsertRows } from '../upsert.ts';

/**
 * The hierarchy. A unit's parent is effective-dated: a new unit's link starts on its opening date;
 * when a re-import gives an existing unit another parent, the old link ends and the new one starts today.
 */
export const organisationStructure = defineKind({
  name: 'organisation-structure',
  title: 'Organisation structure',
  description: 'The trust’s units (trust, directorate, area, team) with their parent units.',
  columns: {
    code: { header: 'Organisation Code', aliases: ['Org Code', 'Org Unit Code', 'Unit Code'], cell: unitCode() },
    name: { header: 'Organisation Name', aliases: ['Org Name', 'Unit Name', 'Name'], cell: text('the unit’s name') },
    level: { header: 'Level', aliases: ['Org Level', 'Hierarchy Level'], cell: choice(['trust', 'directorate', 'area', 'team'] as const) },
    parentCode: {
      header: 'Parent Organisation Code',
      aliases: ['Parent Code', 'Parent Org Code', 'Parent Unit Code'],
      cell: optional('the parent’s organisation code', parseCode),
    },
    openedOn: { header: 'Opened On', aliases: ['Open Date', 'Date Opened', 'Start Date'], cell: date() },
    closedOn: { header: 'Closed On', aliases: ['Close Date', 'Date Closed', 'End Date'], cell: optionalDate(), optional: true },
  },
  key: ['code'],
  unitColumn: 'code',
  loadsWholeFile: true,
  check: (row) => [
    ...endBeforeStart('closedOn', row.openedOn, row.closedOn),
    ...(row.parentCode === row.code ? [{ column: 'parentCode', value: row.parentCode, expected: 'the code of another unit' }] : []),
    ...((row.parentCode === null) !== (row.level === 'trust')
      ? [{ column: 'parentCode', value: row.parentCode ?? '', expected: row.level === 'trust' ? 'blank for the trust' : 'the parent’s organisation code' }]
      : []),
  ],
  checkFile: (rows, references) => {
    const codes = new Set(rows.map((row) => row.code));
    return rows.flatMap((row, index) => {
      if (row.parentCode === null || codes.has(row.parentCode) || references.units.has(row.parentCode)) return [];
      const issue: RowIssue = { column: 'parentCode', value: row.parentCode, expected: 'an organisation code in this file or already imported' };
      return [{ index, issue }];
    });
  },
  load: async (tx, rows, context) => {
    const counts = await upsertRows(
      tx,
      orgUnit,
      rows.map((row) => ({ code: row.code, name: row.name, level: row.level, openedOn: row.openedOn, closedOn: row.closedOn })),
      ['code'],
      { returnWritten: true },
    );
    const units = await loadUnitIds(tx);
    const unitIds = rows.map((row) => idOf(units, row.code));
    const current = new Map<number, { id: number; parentId: number }>();
    for (let i = 0; i < unitIds.length; i += 5000) {
      const links = await tx
        .select({ id: orgUnitParent.id, unitId: orgUnitParent.unitId, parentId: orgUnitParent.parentId })
        .from(orgUnitParent)
        .where(and(inArray(orgUnitParent.unitId, unitIds.slice(i, i + 5000)), isNull(orgUnitParent.validTo)));
      for (const link of links) current.set(link.unitId, link);
    }
    const today = context.now.toISOString().slice(0, 10);
    const inserts: (typeof orgUnitParent.$inferInsert)[] = [];
    for (const row of rows) {
      const unitId = idOf(units, row.code);
      const parentId = row.parentCode === null ? null : idOf(units, row.parentCode);
      const link = current.get(unitId);
      if (link?.parentId === parentId) continue;
      const isNew = counts.written.has(row.code) && link === undefined;
      if (link) await tx.update(orgUnitParent).set({ validTo: today }).where(eq(orgUnitParent.id, link.id));
      if (parentId !== null) inserts.push({ unitId, parentId, validFrom: isNew ? row.openedOn : today, validTo: null });
      if (!counts.written.has(row.code)) {
        counts.unchanged -= 1;
        counts.updated += 1;
      }
    }
    for (let i = 0; i < inserts.length; i += 1000) await tx.insert(orgUnitParent).values(inserts.slice(i, i + 1000));
    return counts;
  },
});

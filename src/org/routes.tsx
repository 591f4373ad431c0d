import { Hono } from 'hono';
import { recordAudit } from '#src/auth/audit.ts';
import { requires } from '#src/auth/guard.ts';
import { can, scopeRoots } from '#src/auth/permissions.ts';
import type { AppEnv } from '#src/web/env.ts';
import { notFound } from '#src/web/errors.ts';
import { renderPage } from '#src/web/render.tsx';
import { isoDate } from '#src/web/today.ts';
import { suppressBreakdown, type BreakdownCell } from './characteristics.ts';
import { countByCharacteristic, countStaffByUnit, listPeopleInUnits, type CharacteristicField } from './store.ts';
import { totalsFor } from './summary.ts';
import { CharacteristicsPage, OrgIndexPage, PeoplePage, UnitPage, type UnitRow } from './views.tsx';

const PEOPLE_PAGE_SIZE = 100;

const BREAKDOWNS: { field: CharacteristicField; title: string }[] = [
  { field: 'ethnicGroup', title: 'Ethnic group' },
  { field: 'disability', title: 'Disability' },
  { field: 'sex', title: 'Sex' },
  { field: 'ageBand', title: 'Age band' },
];

export const orgRoutes = new Hono<AppEnv>()
  .get('/', requires('org.view'), async (c) => {
    const tree = await c.get('orgTree')();
    const principal = c.get('principal');
    if (!principal) throw notFound();
    const counts = new Map((await countStaffByUnit(c.get('database').db, isoDate(c.get('clock')()))).map((row) => [row.unitId, row]));
    const rows: UnitRow[] = scopeRoots(principal, 'org.view', tree).flatMap((id) => {
      const unit = tree.get(id);
      return unit ? [{ unit, ...totalsFor(tree, id, counts) }] : [];
    });
    return renderPage(c, 'Organisation', <OrgIndexPage rows={rows} />);
  })
  .get('/units/:unitId', requires('org.view', { unitParam: 'unitId' }), async (c) => {
    const tree = await c.get('orgTree')();
    const principal = c.get('principal');
    const unit = tree.get(Number(c.req.param('unitId')));
    if (!unit || !principal) throw notFound();
    const counts = new Map((await countStaffByUnit(c.get('database').db, isoDate(c.get('clock')()))).map((row) => [row.unitId, row]));
    const children = tree.children(unit.id).map((child) => ({ unit: child, ...totalsFor(tree, child.id, counts) }));
    const path = tree.path(unit.id).slice(0, -1).filter((ancestor) => can(principal, 'org.view', ancestor.id, tree));
    return renderPage(
      c,
      unit.name,
      <UnitPage
        unit={unit}
        totals={totalsFor(tree, unit.id, counts)}
        children={children}
        breadcrumb={[{ href: '/org', text: 'Organisation' }, ...path.map((a) => ({ href: `/org/units/${a.id}`, text: a.name }))]}
        canSeePeople={can(principal, 'people.view', unit.id, tree)}
        canSeeCharacteristics={can(principal, 'people.characteristics.read', unit.id, tree)}
      />,
    );
  })
  .get('/units/:unitId/people', requires('people.view', { unitParam: 'unitId' }), async (c) => {
    const tree = await c.get('orgTree')();
    const unit = tree.get(Number(c.req.param('unitId')));
    if (!unit) throw notFound();
    const people = await listPeopleInUnits(
      c.get('database').db,
      tree.subtree(unit.id).map((u) => u.id),
      isoDate(c.get('clock')()),
    );
    const pageCount = Math.max(1, Math.ceil(people.length / PEOPLE_PAGE_SIZE));
    const page = Math.min(Math.max(1, Number(c.req.query('page') ?? '1') || 1), pageCount);
    const unitNames = new Map(tree.subtree(unit.id).map((u) => [u.id, u.name]));
    return renderPage(
      c,
      `People in ${unit.name}`,
      <PeoplePage
        unit={unit}
        people={people.slice((page - 1) * PEOPLE_PAGE_SIZE, page * PEOPLE_PAGE_SIZE).map((p) => ({ ...p, unitName: unitNames.get(p.unitId) ?? '' }))}
        total={people.length}
        page={page}
        pageCount={pageCount}
      />,
    );
  })
  .get('/units/:unitId/characteristics', requires('people.characteristics.read', { unitParam: 'unitId' }), async (c) => {
    const tree = await c.get('orgTree')();
    const unit = tree.get(Number(c.req.param('unitId')));
    const principal = c.get('principal');
    if (!unit || !principal) throw notFound();
    const db = c.get('database').db;
    const now = c.get('clock')();
    const unitIds = tree.subtree(unit.id).map((u) => u.id);
    const breakdowns: { title: string; cells: BreakdownCell[] }[] = [];
    for (const breakdown of BREAKDOWNS) {
      breakdowns.push({ title: breakdown.title, cells: suppressBreakdown(await countByCharacteristic(db, unitIds, breakdown.field, isoDate(now))) });
    }
    await recordAudit(db, { actorAccountId: principal.accountId, action: 'characteristics.read', subject: `org_unit:${unit.id}` }, now);
    return renderPage(c, `Protected characteristics in ${unit.name}`, <CharacteristicsPage unit={unit} breakdowns={breakdowns} />);
  });

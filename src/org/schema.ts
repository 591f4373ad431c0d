import { date, index, integer, numeric, pgEnum, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from '#src/db/columns.ts';

export const orgLevel = pgEnum('org_level', ['trust', 'directorate', 'area', 'team']);

/** A unit of the organisation. Where it sits in the tree is effective-dated in org_unit_parent. */
export const orgUnit = pgTable('org_unit', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  level: orgLevel('level').notNull(),
  openedOn: date('opened_on').notNull(),
  closedOn: date('closed_on'),
  createdAt: createdAt(),
});

/** The unit's parent from valid_from (inclusive) to valid_to (exclusive; null = still). */
export const orgUnitParent = pgTable(
  'org_unit_parent',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    parentId: integer('parent_id')
      .notNull()
      .references(() => orgUnit.id),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
  },
  (t) => [index('org_unit_parent_unit_idx').on(t.unitId), index('org_unit_parent_parent_idx').on(t.parentId)],
);

export const person = pgTable('person', {
  id: serial('id').primaryKey(),
  /** The employee number in the workforce system (ESR assignment number's person part). */
  staffNumber: text('staff_number').notNull().unique(),
  givenName: text('given_name').notNull(),
  familyName: text('family_name').notNull(),
  email: text('email'),
  createdAt: createdAt(),
});

export const assignment = pgTable(
  'assignment',
  {
    id: serial('id').primaryKey(),
    /**
     * ESR assignment number ("staff number-n"). ESR date-tracks an assignment: a change such as a new
     * line manager starts a new row with the same number, so a re-import matches on number and start date.
     */
    assignmentNumber: text('assignment_number'),
    personId: integer('person_id')
      .notNull()
      .references(() => person.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    jobTitle: text('job_title').notNull(),
    staffGroup: text('staff_group').notNull(),
    /** Agenda for Change band ("2" … "9", "VSM") or a medical grade. */
    band: text('band').notNull(),
    fte: numeric('fte', { precision: 4, scale: 2, mode: 'number' }).notNull(),
    lineManagerId: integer('line_manager_id').references(() => person.id),
    startDate: date('start_date').notNull(),
    /** Last day in the assignment, inclusive; null while it continues. */
    endDate: date('end_date'),
  },
  (t) => [
    index('assignment_unit_idx').on(t.unitId),
    index('assignment_person_idx').on(t.personId),
    uniqueIndex('assignment_number_start_idx').on(t.assignmentNumber, t.startDate),
  ],
);

/** Kept apart from person so only roles that need it can read it; every read is audited. */
export const protectedCharacteristic = pgTable('protected_characteristic', {
  personId: integer('person_id')
      .primaryKey()
      .references(() => person.id),
    ethnicity: text('ethnicity').notNull(),
    /** Ethnic group summary used by WRES: 'White', 'Ethnic minority' or 'Not stated'. */
    ethnicGroup: text('ethnic_group').notNull(),
    disability: text('disability').notNull(),
    sex: text('sex').notNull(),
    ageBand: text('age_band').notNull(),
});

import { person } from '#src/db/schema.ts';
import { optionalText, staffNumber, text } from './cells.ts';
import { defineKind } from './define.ts';
import { upsertRows } from '../upsert.ts';

export const esrPeople = defineKind({
  name: 'esr-people',
  title: 'ESR people',
  description: 'Everyone who held an assignment: staff number, name and work email.',
  columns: {
    staffNumber: { header: 'Staff Number', aliases: ['Employee Number', 'Employee No', 'Staff No', 'Person Number', 'Employee ID'], cell: staffNumber() },
    givenName: { header: 'First Name', aliases: ['Forename', 'Given Name', 'First Forename'], cell: text('the person’s first name') },
    familyName: { header: 'Last Name', aliases: ['Surname', 'Family Name'], cell: text('the person’s last name') },
    email: { header: 'Email Address', aliases: ['Email', 'Work Email', 'Work Email Address'], cell: optionalText('an email address'), optional: true },
  },
  key: ['staffNumber'],
  check: (row) => (row.email !== null && !/^[^@\s]+@[^@\s]+$/.test(row.email) ? [{ column: 'email', value: row.email, expected: 'an email address, or blank' }] : []),
  load: (tx, rows) =>
    upsertRows(
      tx,
      person,
      rows.map((row) => ({ staffNumber: row.staffNumber, givenName: row.givenName, familyName: row.familyName, email: row.email })),
      ['staffNumber'],
    ),
});

import { protectedCharacteristic } from '#src/db/schema.ts';
import { text } from './cells.ts';
import { staffNumberColumn } from './columns.ts';
import { defineKind, idOf } from './define.ts';
import { upsertRows } from '../upsert.ts';

export const esrEquality = defineKind({
  name: 'esr-equality',
  title: 'ESR equality monitoring',
  description: 'Protected characteristics as recorded in ESR, for equality analysis only.',
  columns: {
    staffNumber: staffNumberColumn,
    ethnicity: { header: 'Ethnic Origin', aliases: ['Ethnicity', 'Ethnic Category'], cell: text('an ethnic origin, or "Not stated"') },
    ethnicGroup: { header: 'Ethnic Group', aliases: ['WRES Ethnic Group', 'Ethnic Group Summary'], cell: text('White, Ethnic minority or Not stated') },
    disability: { header: 'Disability', aliases: ['Disabled', 'Disability Flag'], cell: text('Yes, No or Not declared') },
    sex: { header: 'Sex', aliases: ['Gender'], cell: text('the person’s sex as recorded') },
    ageBand: { header: 'Age Band', aliases: ['Age Group'], cell: text('an age band such as 35-44') },
  },
  key: ['staffNumber'],
  load: (tx, rows, { people }) =>
    upsertRows(
      tx,
      protectedCharacteristic,
      rows.map((row) => ({
        personId: idOf(people, row.staffNumber),
        ethnicity: row.ethnicity,
        ethnicGroup: row.ethnicGroup,
        disability: row.disability,
        sex: row.sex,
        ageBand: row.ageBand,
      })),
      ['personId'],
    ),
});

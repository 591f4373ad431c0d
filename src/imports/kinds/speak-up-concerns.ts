import { speakUpCase } from '#src/db/schema.ts';
import { categoriesOn } from '#src/speakup/rules.ts';
import { choice, optional, optionalDate, optionalText, optionalYesNo, parseChoice, parseCode, text, yesNo } from './cells.ts';
import { dateColumn, monthOfDate, orgCodeColumn } from './columns.ts';
import { defineKind, idOf } from './define.ts';
import { upsertRows } from '../upsert.ts';

const RAISED_AS = { Anonymously: 'anonymous', Confidentially: 'confidential', Openly: 'open' } as const;

/** Until April 2022 the national category was "behaviours, such as bullying or harassment" (rules.ts). */
function bullyingCategoryOn(day: string): string {
  return categoriesOn(day).some((category) => category.key === 'bullying_or_harassment') ? 'bullying_or_harassment' : 'behaviours';
}

const SPEAK_UP_AGAIN = { Yes: 'yes', No: 'no', Maybe: 'maybe', 'Don’t know': 'dont_know', "Don't know": 'dont_know' } as const;

/**
 * The Guardian's case log, kept before Vitals or beside it: each row becomes an imported case with
 * its dates and categories but no messages. Categories are stored as keys: patient_safety, worker_safety,
 * bullying_or_harassment, inappropriate_attitudes, sexual_safety, other. No reporter identity is imported.
 */
export const speakUpConcerns = defineKind({
  name: 'speak-up-concerns',
  title: 'Freedom to Speak Up concerns',
  description: 'The Guardian’s case log: one row per concern, at area or directorate level, in the national categories.',
  columns: {
    reference: { header: 'Case Reference', aliases: ['Reference', 'Case ID'], cell: text('a case reference') },
    receivedOn: dateColumn('Date Received', ['Date Raised', 'Received']),
    unitCode: orgCodeColumn,
    directorateCode: { header: 'Directorate Code', aliases: ['Directorate'], cell: optional('a directorate’s organisation code', parseCode), ref: 'unit', optional: true },
    raised: { header: 'Raised', aliases: ['How Raised', 'Raised Anonymously'], cell: choice(['Anonymously', 'Confidentially', 'Openly'] as const) },
    patientSafety: { header: 'Patient Safety or Quality', aliases: ['Patient Safety'], cell: yesNo() },
    workerSafety: { header: 'Worker Safety or Wellbeing', aliases: ['Worker Safety'], cell: yesNo() },
    bullyingOrHarassment: { header: 'Bullying or Harassment', aliases: ['Bullying'], cell: yesNo() },
    inappropriateAttitudes: { header: 'Inappropriate Attitudes or Behaviours', aliases: ['Inappropriate Behaviours'], cell: optionalYesNo(), optional: true },
    sexualSafety: { header: 'Sexual Safety', cell: optionalYesNo(), optional: true },
    other: { header: 'Other', aliases: ['Other Category'], cell: yesNo() },
    detrimentIndicated: { header: 'Detriment Indicated', aliases: ['Detriment'], cell: yesNo() },
    workerGroup: { header: 'Worker Group', aliases: ['Professional Group', 'Staff Group'], cell: optionalText('a worker group'), optional: true },
    acknowledgedOn: { header: 'Date Acknowledged', aliases: ['Acknowledged'], cell: optionalDate(), optional: true },
    closedOn: { header: 'Date Closed', aliases: ['Closed'], cell: optionalDate(), optional: true },
    wouldSpeakUpAgain: { header: 'Would Speak Up Again', aliases: ['Speak Up Again'], cell: optional('Yes, No, Maybe or Don’t know', parseChoice(Object.keys(SPEAK_UP_AGAIN) as (keyof typeof SPEAK_UP_AGAIN)[])), optional: true },
  },
  key: ['reference'],
  unitColumn: 'unitCode',
  month: (row) => monthOfDate(row.receivedOn),
  load: (tx, rows, { units, importId }) =>
    upsertRows(
      tx,
      speakUpCase,
      rows.map((row) => ({
        origin: 'imported',
        reference: row.reference,
        receivedOn: row.receivedOn,
        unitId: idOf(units, row.unitCode),
        raisedAs: RAISED_AS[row.raised],
        categories: [
          row.patientSafety && 'patient_safety',
          row.workerSafety && 'worker_safety',
          row.bullyingOrHarassment && bullyingCategoryOn(row.receivedOn),
          row.inappropriateAttitudes && 'inappropriate_attitudes',
          row.sexualSafety && 'sexual_safety',
          row.other && 'other',
        ].filter((category) => typeof category === 'string'),
        detrimentIndicated: row.detrimentIndicated,
        workerGroup: row.workerGroup,
        acknowledgedOn: row.acknowledgedOn,
        closedOn: row.closedOn,
        status: row.closedOn ? 'closed' : row.acknowledgedOn ? 'acknowledged' : 'new',
        wouldSpeakUpAgain: row.wouldSpeakUpAgain === null ? null : SPEAK_UP_AGAIN[row.wouldSpeakUpAgain],
        importId,
      })),
      // Only imported cases share this key: a log can never overwrite a case raised in Vitals.
      ['origin', 'reference'],
    ),
});

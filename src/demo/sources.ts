import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { DEMO_MONTH_COUNT, monthKey } from '#src/demo/calendar.ts';
import { ENGAGEMENT_QUESTIONS, QUESTION_TEXT, SPEAK_UP_QUESTIONS } from '#src/demo/sources/staff-survey.ts';
import type { StaffSurveyResponseRow } from '#src/demo/sources/staff-survey.ts';
import type { DemoAssignment, DemoTrust } from '#src/demo/types.ts';

/** Writes the demo trust's sources as the CSV files a trust would export, with a README describing them. */

type Cell = string | number | null;

interface Column<T> {
  header: string;
  description: string;
  value: (row: T) => Cell;
}

interface SourceFile {
  file: string;
  title: string;
  description: string;
  columns: readonly { header: string; description: string }[];
  records: (trust: DemoTrust) => string[][];
}

function defineFile<T>(spec: {
  file: string;
  title: string;
  description: string;
  rows: (trust: DemoTrust) => readonly T[];
  columns: readonly Column<T>[];
}): SourceFile {
  return {
    file: spec.file,
    title: spec.title,
    description: spec.description,
    columns: spec.columns.map(({ header, description }) => ({ header, description })),
    records: (trust) => spec.rows(trust).map((row) => spec.columns.map((column) => formatCell(column.value(row)))),
  };
}

const formatCell = (value: Cell): string => (value === null ? '' : String(value));

/** Seconds as h:mm:ss, the way AmbSYS figures are usually read. */
export function formatDuration(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

const grade = (band: string): string => (/^(\d|8[a-d])$/.test(band) ? `Band ${band}` : band);

interface NumberedAssignment extends DemoAssignment {
  assignmentNumber: string;
  unitName: string;
}

/** ESR keeps one assignment number through date-tracked changes such as a new line manager. */
function numberAssignments(trust: DemoTrust): NumberedAssignment[] {
  const unitNames = new Map(trust.units.map((u) => [u.code, u.name]));
  const rows: NumberedAssignment[] = [];
  let previous: DemoAssignment | undefined;
  let number = 0;
  for (const a of trust.assignments) {
    const continues = previous !== undefined && previous.staffNumber === a.staffNumber && previous.unitCode === a.unitCode && previous.jobTitle === a.jobTitle;
    number = previous?.staffNumber !== a.staffNumber ? 1 : continues ? number : number + 1;
    rows.push({ ...a, assignmentNumber: `${a.staffNumber}-${number}`, unitName: unitNames.get(a.unitCode) ?? a.unitCode });
    previous = a;
  }
  return rows;
}

const surveyColumns: Column<StaffSurveyResponseRow>[] = [...ENGAGEMENT_QUESTIONS, ...SPEAK_UP_QUESTIONS].map((q) => ({
  header: q.toUpperCase(),
  description: `${QUESTION_TEXT[q]} 1 = strongly disagree … 5 = strongly agree; blank if not answered.`,
  value: (row) => row[q],
}));

export const SOURCE_FILES: readonly SourceFile[] = [
  defineFile({
    file: 'organisation-structure.csv',
    title: 'Organisation structure',
    description: 'The trust’s hierarchy (trust → directorate → area → team), parents before children.',
    rows: (trust) => trust.units,
    columns: [
      { header: 'Organisation Code', description: 'Stable code of the unit.', value: (u) => u.code },
      { header: 'Organisation Name', description: 'Name of the unit.', value: (u) => u.name },
      { header: 'Level', description: 'trust, directorate, area or team.', value: (u) => u.level },
      { header: 'Parent Organisation Code', description: 'Code of the parent unit; blank for the trust.', value: (u) => u.parentCode },
      { header: 'Opened On', description: 'Date the unit opened.', value: (u) => u.openedOn },
      { header: 'Closed On', description: 'Date the unit closed; blank if open.', value: (u) => u.closedOn },
    ],
  }),
  defineFile({
    file: 'esr-assignments.csv',
    title: 'ESR assignments',
    description: 'Every assignment held in the period, date-tracked: a change of line manager starts a new row with the same assignment number. Staff in post on any day are the rows covering it.',
    rows: numberAssignments,
    columns: [
      { header: 'Assignment Number', description: 'Staff number and a sequence number.', value: (a) => a.assignmentNumber },
      { header: 'Staff Number', description: 'Employee number (8 digits).', value: (a) => a.staffNumber },
      { header: 'Organisation Code', description: 'Team code.', value: (a) => a.unitCode },
      { header: 'Organisation', description: 'Team name.', value: (a) => a.unitName },
      { header: 'Position Title', description: 'Job title.', value: (a) => a.jobTitle },
      { header: 'Staff Group', description: 'ESR staff group.', value: (a) => a.staffGroup },
      { header: 'Grade', description: 'Agenda for Change band ("Band 6", "Band 8a"), "VSM" or a medical grade.', value: (a) => grade(a.band) },
      { header: 'FTE', description: 'Full-time equivalent.', value: (a) => a.fte },
      { header: 'Line Manager Staff Number', description: 'Staff number of the line manager; blank for the chief executive.', value: (a) => a.lineManagerStaffNumber },
      { header: 'Start Date', description: 'First day of this row.', value: (a) => a.startDate },
      { header: 'End Date', description: 'Last day of this row (inclusive); blank if current.', value: (a) => a.endDate },
    ],
  }),
  defineFile({
    file: 'esr-people.csv',
    title: 'ESR people',
    description: 'Everyone who held an assignment in the period.',
    rows: (trust) => trust.people,
    columns: [
      { header: 'Staff Number', description: 'Employee number.', value: (p) => p.staffNumber },
      { header: 'First Name', description: 'Given name.', value: (p) => p.givenName },
      { header: 'Last Name', description: 'Family name.', value: (p) => p.familyName },
      { header: 'Email Address', description: 'Work email.', value: (p) => p.email },
    ],
  }),
  defineFile({
    file: 'esr-equality.csv',
    title: 'ESR equality monitoring',
    description: 'Protected characteristics as recorded in ESR; for equality analysis only.',
    rows: (trust) => trust.characteristics,
    columns: [
      { header: 'Staff Number', description: 'Employee number.', value: (c) => c.staffNumber },
      { header: 'Ethnic Origin', description: 'ONS 2021 category, or "Not stated".', value: (c) => c.ethnicity },
      { header: 'Ethnic Group', description: 'WRES summary: White, Ethnic minority or Not stated.', value: (c) => c.ethnicGroup },
      { header: 'Disability', description: 'Yes, No or Not declared.', value: (c) => c.disability },
      { header: 'Sex', description: 'Female or Male.', value: (c) => c.sex },
      { header: 'Age Band', description: 'Age at the end of the period, or on leaving.', value: (c) => c.ageBand },
    ],
  }),
  defineFile({
    file: 'establishment.csv',
    title: 'Establishment',
    description: 'Budgeted (funded) FTE per team per month, from the finance ledger.',
    rows: (trust) => trust.sources.establishment,
    columns: [
      { header: 'Month', description: 'YYYY-MM.', value: (r) => r.month },
      { header: 'Organisation Code', description: 'Team code.', value: (r) => r.unitCode },
      { header: 'Budgeted FTE', description: 'Funded FTE at the end of the month.', value: (r) => r.budgetedFte },
    ],
  }),
  defineFile({
    file: 'starters.csv',
    title: 'Starters',
    description: 'People who joined the trust in the period, with their first assignment.',
    rows: (trust) => trust.sources.starters,
    columns: [
      { header: 'Staff Number', description: 'Employee number.', value: (r) => r.staffNumber },
      { header: 'Organisation Code', description: 'Team joined.', value: (r) => r.unitCode },
      { header: 'Position Title', description: 'Job title.', value: (r) => r.jobTitle },
      { header: 'Staff Group', description: 'ESR staff group.', value: (r) => r.staffGroup },
      { header: 'Grade', description: 'Band or grade.', value: (r) => grade(r.band) },
      { header: 'FTE', description: 'Full-time equivalent.', value: (r) => r.fte },
      { header: 'Start Date', description: 'First day with the trust.', value: (r) => r.startDate },
    ],
  }),
  defineFile({
    file: 'leavers.csv',
    title: 'Leavers',
    description: 'People who left the trust in the period (moves within the trust are not leavers).',
    rows: (trust) => trust.sources.leavers,
    columns: [
      { header: 'Staff Number', description: 'Employee number.', value: (r) => r.staffNumber },
      { header: 'Organisation Code', description: 'Team left.', value: (r) => r.unitCode },
      { header: 'Position Title', description: 'Job title.', value: (r) => r.jobTitle },
      { header: 'Staff Group', description: 'ESR staff group.', value: (r) => r.staffGroup },
      { header: 'Grade', description: 'Band or grade.', value: (r) => grade(r.band) },
      { header: 'FTE', description: 'Full-time equivalent.', value: (r) => r.fte },
      { header: 'Termination Date', description: 'Last day with the trust.', value: (r) => r.leavingDate },
      { header: 'Leaving Reason', description: 'ESR leaving reason.', value: (r) => r.leavingReason },
      { header: 'Length of Service (Years)', description: 'Completed years with the trust.', value: (r) => r.yearsOfService },
    ],
  }),
  defineFile({
    file: 'sickness-absence.csv',
    title: 'Sickness absence episodes',
    description: 'One row per episode starting in the period. Rates: sum FTE days lost ÷ FTE days available (FTE × calendar days in post).',
    rows: (trust) => trust.sources.sicknessAbsence,
    columns: [
      { header: 'Staff Number', description: 'Employee number.', value: (r) => r.staffNumber },
      { header: 'Organisation Code', description: 'Team at the start of the episode.', value: (r) => r.unitCode },
      { header: 'Absence Start Date', description: 'First day absent.', value: (r) => r.startDate },
      { header: 'Absence End Date', description: 'Last day absent; blank if still absent at the end of the period.', value: (r) => r.endDate },
      { header: 'Calendar Days Lost', description: 'Calendar days absent within the period.', value: (r) => r.calendarDays },
      { header: 'FTE Days Lost', description: 'Calendar days × FTE.', value: (r) => r.fteDaysLost },
      { header: 'Absence Reason', description: 'ESR sickness reason (S-code).', value: (r) => r.reason },
    ],
  }),
  defineFile({
    file: 'appraisals.csv',
    title: 'Appraisals',
    description: 'Appraisals (PDRs) completed in the period.',
    rows: (trust) => trust.sources.appraisals,
    columns: [
      { header: 'Staff Number', description: 'Employee number.', value: (r) => r.staffNumber },
      { header: 'Organisation Code', description: 'Team on the day.', value: (r) => r.unitCode },
      { header: 'Appraisal Date', description: 'Date completed.', value: (r) => r.appraisalDate },
    ],
  }),
  defineFile({
    file: 'training-compliance.csv',
    title: 'Statutory and mandatory training compliance',
    description: 'Per team, month and course: staff who need the course and staff whose training is in date, at the end of the month.',
    rows: (trust) => trust.sources.trainingCompliance,
    columns: [
      { header: 'Month', description: 'YYYY-MM.', value: (r) => r.month },
      { header: 'Organisation Code', description: 'Team code.', value: (r) => r.unitCode },
      { header: 'Competence', description: 'Course (Core Skills Training Framework subject, or the trust’s sexual safety course from April 2024).', value: (r) => r.course },
      { header: 'Required', description: 'Staff in post who need it.', value: (r) => r.required },
      { header: 'Compliant', description: 'Of those, staff in date.', value: (r) => r.compliant },
    ],
  }),
  defineFile({
    file: 'employee-relations-cases.csv',
    title: 'Employee relations cases',
    description: 'Formal cases opened in the period.',
    rows: (trust) => trust.sources.employeeRelations,
    columns: [
      { header: 'Case Reference', description: 'ER-year-sequence.', value: (r) => r.caseReference },
      { header: 'Case Type', description: 'Disciplinary, Grievance, Bullying and harassment or Capability.', value: (r) => r.caseType },
      { header: 'Staff Number', description: 'The employee the case concerns.', value: (r) => r.staffNumber },
      { header: 'Organisation Code', description: 'Their team when the case opened.', value: (r) => r.unitCode },
      { header: 'Date Opened', description: 'Date opened.', value: (r) => r.openedDate },
      { header: 'Date Closed', description: 'Date closed; blank if open.', value: (r) => r.closedDate },
      { header: 'Outcome', description: 'Outcome; blank if open.', value: (r) => r.outcome },
    ],
  }),
  defineFile({
    file: 'complaints.csv',
    title: 'Complaints',
    description: 'Complaints received in the period (Datix-style export).',
    rows: (trust) => trust.sources.complaints,
    columns: [
      { header: 'Reference', description: 'COM-year-sequence.', value: (r) => r.reference },
      { header: 'Date Received', description: 'Date received.', value: (r) => r.receivedDate },
      { header: 'Organisation Code', description: 'Team complained about.', value: (r) => r.unitCode },
      { header: 'Subject', description: 'Main subject.', value: (r) => r.category },
      { header: 'Outcome', description: 'Upheld, Partially upheld, Not upheld or Withdrawn; blank while under investigation.', value: (r) => r.outcome },
    ],
  }),
  defineFile({
    file: 'compliments.csv',
    title: 'Compliments',
    description: 'Compliments received in the period.',
    rows: (trust) => trust.sources.compliments,
    columns: [
      { header: 'Reference', description: 'CPL-year-sequence.', value: (r) => r.reference },
      { header: 'Date Received', description: 'Date received.', value: (r) => r.receivedDate },
      { header: 'Organisation Code', description: 'Team complimented.', value: (r) => r.unitCode },
      { header: 'Theme', description: 'Main theme.', value: (r) => r.category },
    ],
  }),
  defineFile({
    file: 'staff-survey-responses.csv',
    title: 'NHS Staff Survey responses',
    description: 'One anonymous row per respondent (fieldwork October–November; about 45% respond). No staff numbers. Questions use the 2023–25 numbering: the nine engagement questions and the four raising-concerns questions.',
    rows: (trust) => trust.sources.staffSurvey,
    columns: [
      { header: 'Survey Year', description: 'Year of fieldwork.', value: (r) => r.surveyYear },
      { header: 'Respondent ID', description: 'Random identifier, unrelated to staff numbers.', value: (r) => r.respondentId },
      { header: 'Organisation Code', description: 'Respondent’s team (from the staff list on 1 September).', value: (r) => r.unitCode },
      ...surveyColumns,
    ],
  }),
  defineFile({
    file: 'ambulance-response-times.csv',
    title: 'Ambulance response times (AmbSYS-style)',
    description: 'Monthly response times and hospital handovers for the trust and each Emergency Operations hub. Times are h:mm:ss.',
    rows: (trust) => trust.sources.responseTimes,
    columns: [
      { header: 'Month', description: 'YYYY-MM.', value: (r) => r.month },
      { header: 'Organisation Code', description: 'TRUST or a hub code.', value: (r) => r.unitCode },
      { header: 'Incidents', description: 'Incidents with a face-to-face response.', value: (r) => r.incidents },
      { header: 'C1 Mean', description: 'Category 1 mean response time.', value: (r) => formatDuration(r.c1MeanSeconds) },
      { header: 'C1 90th Centile', description: 'Category 1 90th centile.', value: (r) => formatDuration(r.c1P90Seconds) },
      { header: 'C2 Mean', description: 'Category 2 mean.', value: (r) => formatDuration(r.c2MeanSeconds) },
      { header: 'C2 90th Centile', description: 'Category 2 90th centile.', value: (r) => formatDuration(r.c2P90Seconds) },
      { header: 'C3 90th Centile', description: 'Category 3 90th centile.', value: (r) => formatDuration(r.c3P90Seconds) },
      { header: 'C4 90th Centile', description: 'Category 4 90th centile.', value: (r) => formatDuration(r.c4P90Seconds) },
      { header: 'Hospital Handovers', description: 'Patients handed over at hospital.', value: (r) => r.handovers },
      { header: 'Handovers Within 15 Minutes', description: 'Handed over within 15 minutes of arrival.', value: (r) => r.handoversWithin15 },
      { header: 'Handovers Within 30 Minutes', description: 'Within 30 minutes.', value: (r) => r.handoversWithin30 },
      { header: 'Handovers Within 60 Minutes', description: 'Within 60 minutes.', value: (r) => r.handoversWithin60 },
    ],
  }),
  defineFile({
    file: 'call-handling.csv',
    title: '999 and NHS 111 call handling',
    description: 'Monthly calls for the trust and each call centre. Answer times in seconds.',
    rows: (trust) => trust.sources.callHandling,
    columns: [
      { header: 'Month', description: 'YYYY-MM.', value: (r) => r.month },
      { header: 'Service', description: '999 or NHS 111.', value: (r) => r.service },
      { header: 'Organisation Code', description: 'TRUST or a call centre (area) code.', value: (r) => r.unitCode },
      { header: 'Calls Received', description: 'Calls presented.', value: (r) => r.callsReceived },
      { header: 'Calls Answered', description: 'Calls answered.', value: (r) => r.callsAnswered },
      { header: 'Answered Within 5 Seconds', description: 'Calls answered within 5 seconds.', value: (r) => r.answeredWithin5Seconds },
      { header: 'Answered Within 60 Seconds', description: 'Calls answered within 60 seconds.', value: (r) => r.answeredWithin60Seconds },
      { header: 'Mean Answer Time (Seconds)', description: 'Mean time to answer.', value: (r) => r.meanAnswerSeconds },
      { header: '90th Centile Answer Time (Seconds)', description: '90th centile time to answer.', value: (r) => r.p90AnswerSeconds },
    ],
  }),
  defineFile({
    file: 'speak-up-concerns.csv',
    title: 'Freedom to Speak Up concerns',
    description: 'The Guardian’s case log for the period: one row per concern, recorded at area level (directorate level for areas under 50 staff), in the national categories (several may apply).',
    rows: (trust) => trust.sources.speakUpConcerns,
    columns: [
      { header: 'Case Reference', description: 'FTSU-year-sequence.', value: (r) => r.caseReference },
      { header: 'Date Received', description: 'Date the concern was raised.', value: (r) => r.receivedDate },
      { header: 'Organisation Code', description: 'Area, or directorate for small areas.', value: (r) => r.unitCode },
      { header: 'Directorate Code', description: 'Directorate.', value: (r) => r.directorateCode },
      { header: 'Raised', description: 'Anonymously, Confidentially or Openly.', value: (r) => r.raised },
      { header: 'Patient Safety or Quality', description: 'Yes or No.', value: (r) => r.patientSafety },
      { header: 'Worker Safety or Wellbeing', description: 'Yes or No.', value: (r) => r.workerSafety },
      { header: 'Bullying or Harassment', description: 'Yes or No (before April 2022 this includes inappropriate attitudes or behaviours).', value: (r) => r.bullyingOrHarassment },
      { header: 'Inappropriate Attitudes or Behaviours', description: 'Yes or No; blank before April 2022, when it was not recorded separately.', value: (r) => r.inappropriateAttitudes },
      { header: 'Sexual Safety', description: 'Yes or No (a local category).', value: (r) => r.sexualSafety },
      { header: 'Other', description: 'Yes or No.', value: (r) => r.other },
      { header: 'Detriment Indicated', description: 'Whether the person said they suffered detriment for speaking up.', value: (r) => r.detrimentIndicated },
      { header: 'Worker Group', description: 'Professional or worker group; "Not disclosed" for anonymous concerns.', value: (r) => r.workerGroup },
      { header: 'Date Acknowledged', description: 'Date acknowledged.', value: (r) => r.acknowledgedDate },
      { header: 'Date Closed', description: 'Date closed; blank if open.', value: (r) => r.closedDate },
      { header: 'Would Speak Up Again', description: 'Yes, No, Maybe or Don’t know, asked at closure; blank if open or not answered.', value: (r) => r.wouldSpeakUpAgain },
    ],
  }),
  defineFile({
    file: 'programme-graduates.csv',
    title: 'Engaging Leaders Programme graduates',
    description: 'Graduates of the leadership programme in the period (every participant graduated).',
    rows: (trust) => trust.sources.programmeGraduates,
    columns: [
      { header: 'Staff Number', description: 'Employee number.', value: (r) => r.staffNumber },
      { header: 'Programme', description: 'Programme name.', value: (r) => r.programme },
      { header: 'Tranche', description: 'CPD tranche (Level 5) or Senior tranche (Level 6).', value: (r) => r.tranche },
      { header: 'Cohort', description: 'Cohort name.', value: (r) => r.cohort },
      { header: 'Cohort Start Date', description: 'First learning day.', value: (r) => r.cohortStartDate },
      { header: 'Graduation Date', description: 'Date of graduation.', value: (r) => r.graduationDate },
    ],
  }),
];

function readme(trust: DemoTrust, counts: ReadonlyMap<string, number>): string {
  const lines = [
    `# Source files for ${trust.name} (synthetic)`,
    '',
    `Generated by \`src/demo\`: a made-up ambulance trust, the same for the same seed. The period is the ${DEMO_MONTH_COUNT} months ${monthKey(0)} to ${trust.endMonth}. Dates are YYYY-MM-DD, months YYYY-MM; files are UTF-8 CSV with a header row.`,
    '',
  ];
  for (const source of SOURCE_FILES) {
    lines.push(`## ${source.file}`, '', `${source.title}. ${source.description} ${counts.get(source.file) ?? 0} rows.`, '', '| Column | Meaning |', '| --- | --- |');
    for (const column of source.columns) lines.push(`| ${column.header} | ${column.description} |`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Writes every source file and a README into `dir` (created if needed); returns the paths written, in order. */
export async function writeDemoSources(trust: DemoTrust, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  const counts = new Map<string, number>();
  for (const source of SOURCE_FILES) {
    const records = source.records(trust);
    counts.set(source.file, records.length);
    const path = join(dir, source.file);
    await writeFile(path, stringify([source.columns.map((c) => c.header), ...records]));
    paths.push(path);
  }
  const readmePath = join(dir, 'README.md');
  await writeFile(readmePath, readme(trust, counts));
  paths.push(readmePath);
  return paths;
}

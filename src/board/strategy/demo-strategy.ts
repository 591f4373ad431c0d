import type { Db } from '#src/db/client.ts';
import {
  findStrategy,
  insertBoardMetric,
  insertMeasure,
  insertObjective,
  insertPriority,
  insertValue,
  listCatalogueMetrics,
  saveStrategy,
  type MeasureFields,
} from './store.ts';

/**
 * The demo trust's strategy, in the words of an ambulance trust's five-year strategy
 * (`shared/seeds/002_*.txt`, "Strategic Objectives" and "How will we know we have been
 * successful?"). Baselines are what the demo trust's own data shows in its first months (the
 * default 7,500-staff demo), so its measures come out on track, at risk and off track.
 */

/** Another part of Vitals adds this metric to the catalogue; until it is there, the measure is seeded without it. */
export const ETHNIC_MINORITY_METRIC = 'ethnic_minority_share';

type Figures = Omit<MeasureFields, 'description'>;

const measure = (description: string, figures?: Figures) => ({ description, figures });

const linked = (metricKey: string, baseline: [number, string], target: [number, string]): Figures => ({
  metricKey,
  baselineValue: baseline[0],
  baselinePeriod: baseline[1],
  targetValue: target[0],
  targetPeriod: target[1],
});

const VISION = 'Delivering the right patient care, in the right place, at the right time, through a skilled and committed workforce, in partnership with local health economies';

const VALUES = [
  {
    name: 'Excellence',
    description:
      'A high performing organisation with professional, engaged, empowered and valued staff who learn from each other to be the best we can together in order to deliver the best possible care and outcomes for our patients and service users. Cutting edge and innovative using the best evidence.',
  },
  { name: 'Integrity', description: 'We all do the right thing for our staff, volunteers and students, our patients and service users, the organisation and the system with candour.' },
  {
    name: 'Compassion',
    description: 'We believe that showing genuine concern about the needs of others through our actions fosters appreciation and tolerance, leading to a sense of safety in the workplace.',
  },
  { name: 'Inclusivity', description: 'We treat everyone with dignity, respect, fairness and integrity, valuing difference.' },
  { name: 'Accountability', description: 'We are committed to upholding our values and behaviours and holding others to account for them.' },
];

const OBJECTIVES = [
  {
    title: 'Safety, quality and excellence',
    commitment: 'Our commitment to provide the best care for all patients',
    priorities: [
      'Become a service which takes care beyond the “ambulance” by providing a more comprehensive offer of integrated care.',
      'Become an organisation which is research led.',
      'Focus on public health and the health of the population we serve.',
      'Further develop clinical capability in areas such as frailty, mental health and primary care.',
    ],
    measures: [
      measure('Retain our CQC rating of Outstanding, but improve from ‘Good’ to ‘Outstanding’ for the domain of “Safe”.'),
      measure('Continually deliver upon national access standards across all services: Category 1 calls answered in a mean of 7 minutes.', linked('c1_mean', [7.95, '2021-11'], [7, '2023-03'])),
      measure(
        'Continually deliver upon national access standards across all services: Category 2 calls answered in a mean of 30 minutes, the recovery standard.',
        linked('c2_mean', [39.6, '2021-11'], [30, '2026-03']),
      ),
      measure('Improve clinical outcomes through changing clinical practice, driven by research and development.'),
      measure(
        'Improve the outcomes for patients from a public and population health perspective, with greater integration of services, sharing of public health data with partners and embedding different roles which can meet the needs of patients.',
      ),
    ],
    boardMetrics: [
      ['c1_mean', 'Director of Operations'],
      ['c2_mean', 'Director of Operations'],
      ['complaints_rate', 'Director of Nursing'],
      ['compliments_rate', 'Director of Nursing'],
    ],
  },
  {
    title: 'A great place to work for all',
    commitment: 'Creating the best environment for staff to flourish',
    priorities: [
      'Mental health and wellbeing of staff to become a strategic priority.',
      'By 2030 have an organisation which is representative of the public we serve from an equality and diversity perspective.',
      'Adapt to the needs of the “millennial shift”: 30% of our staff are aged between 21 and 38.',
      'Develop roles which encapsulate the changing needs of our patients.',
    ],
    measures: [
      measure('Improve staff survey results year on year: staff engagement.', linked('staff_engagement', [5.75, '2021'], [6.1, '2026'])),
      measure('Improve staff survey results year on year: staff who feel safe to speak up.', linked('safe_to_speak_up', [54.3, '2021'], [60, '2026'])),
      measure('Improve performance on the Workforce Race Equality Standard, the gender pay gap and the Workforce Disability Equality Standard.'),
      measure(
        'Increase the representation of ethnic minority colleagues at all levels within the organisation: 10.7% of our workforce is from an ethnic minority background, whilst approximately 17% of the population we serve identifies as coming from an ethnic minority group.',
        linked(ETHNIC_MINORITY_METRIC, [10.7, '2021-03'], [17, '2030-03']),
      ),
      measure(
        'Retain our staff for longer, with roles which attract and retain new and existing colleagues, aligned to the needs of our patients and the aspirations of our staff.',
        linked('leaver_rate', [10.9, '2022-10'], [9, '2027-03']),
      ),
    ],
    boardMetrics: [
      ['sickness_absence_rate', 'Director of People'],
      ['leaver_rate', 'Director of People'],
      ['vacancy_rate', 'Director of People'],
      ['appraisal_rate', 'Director of People'],
      ['training_compliance', 'Director of People'],
      ['staff_engagement', 'Director of People'],
      ['safe_to_speak_up', 'Director of Nursing'],
      ['speak_up_concerns', 'Director of Nursing'],
      ['bullying_harassment_cases', 'Director of People'],
    ],
  },
  {
    title: 'Effective planning and use of resources',
    commitment: 'Continued efficiency of operation and financial control',
    priorities: [
      'Whole organisational engagement and mass participation in developing new ideas for efficiency and productivity.',
      'Develop proposals for our commissioners as we transition away from payment by results.',
      'Embed efficiencies from our response to the pandemic.',
      'Work with partners to substantially reduce handover delays.',
    ],
    measures: [
      measure(
        'We continue to deliver a balanced budget each year, by continually improving our efficiency and reducing lost clinical time: patients handed over at hospital within 60 minutes.',
        linked('handover_60', [91.1, '2021-11'], [98, '2027-03']),
      ),
      measure('We co-design with partners the emerging commissioning model for our service, as the NHS moves to Integrated Care Systems.'),
      measure('Lessons are learned from the pandemic which have supported efficiency, such as remote working, use of technology and reduced building use.'),
      measure('Our staff feel engaged in our investment decisions, our financial performance and ideas for efficiency and productivity.'),
    ],
    boardMetrics: [
      ['handover_60', 'Director of Operations'],
      ['calls_999_within_5s', 'Director of Operations'],
    ],
  },
  {
    title: 'Innovation and transformation',
    commitment: 'Developing the best technology and services to support patient care',
    priorities: [
      'Organisational net carbon zero by 2040.',
      'Use artificial intelligence to support innovation, to better meet patients’ needs and improve the experience for staff in the delivery of care.',
      'Expand opportunities for telephone and video conferencing to facilitate the best treatment and conveyance decisions.',
      'Enhance clinical skills development through the use of technology.',
    ],
    measures: [
      measure('We deliver on the NHS ambition of an 80% reduction in carbon emissions by 2028 to 2030 and move to carbon neutral by 2040.'),
      measure('We provide the technological capability to our front line so clinical teams can connect remotely to the services our patients require, from interpreting to specialist advice.'),
      measure('We can measure how much activity automated technology can now take up, for example chat bot use in 111.'),
    ],
    boardMetrics: [],
  },
  {
    title: 'Collaboration and engagement',
    commitment: 'Working in partnership to deliver seamless patient care',
    priorities: [
      'Create dynamic partnership arrangements to facilitate the best treatment options for patients throughout the healthcare system.',
      'Enhance our regional service through development of local presence and engagement at place level.',
      'Collaborate with all community settings to identify and reduce health inequalities.',
      'Use our strengths and brand to support young people to engage with their community and step into a career in healthcare.',
    ],
    measures: [
      measure('We continue to appropriately improve upon non-conveyance rates to Emergency Departments, through better co-ordination of primary, secondary and community services.'),
      measure('We continue to provide regional services such as 111 and patient transport, beyond our statutory 999 responsibilities.'),
      measure('We build our relationships at place level through our regional ambulance hubs.'),
      measure('We contribute to reducing health inequalities and to social value.'),
      measure('Where possible, we support new workforce models which require collaboration across organisations and sectors.'),
    ],
    boardMetrics: [],
  },
] as const;

const UNLINKED: Figures = { metricKey: null, baselineValue: null, baselinePeriod: null, targetValue: null, targetPeriod: null };

/**
 * Writes the demo strategy into a database that has none: vision, values, objectives with their
 * priorities and success measures, and the metrics the board sees under each objective. A measure
 * whose metric the catalogue lacks is written without it. Returns false, changing nothing, when a
 * strategy is already there.
 */
export async function seedDemoStrategy(db: Db, now: Date = new Date()): Promise<boolean> {
  if (await findStrategy(db)) return false;
  const catalogue = new Set((await listCatalogueMetrics(db)).map((m) => m.key));
  await saveStrategy(db, { title: 'Our strategy for the next five years', vision: VISION, period: '2022 to 2027' }, null, now);
  for (const value of VALUES) await insertValue(db, value);
  for (const objective of OBJECTIVES) {
    const objectiveId = await insertObjective(db, { title: objective.title, commitment: objective.commitment });
    for (const priority of objective.priorities) await insertPriority(db, objectiveId, priority);
    for (const { description, figures } of objective.measures) {
      const known = figures?.metricKey && catalogue.has(figures.metricKey) ? figures : UNLINKED;
      await insertMeasure(db, objectiveId, { description, ...known });
    }
    for (const [metricKey, owner] of objective.boardMetrics) await insertBoardMetric(db, { objectiveId, metricKey, owner });
  }
  return true;
}

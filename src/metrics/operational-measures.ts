/**
 * The `operational_figure.measure` keys: one per numeric column of the AmbSYS-style response-times
 * export and the call-handling export. The imports pipeline writes them, the metrics engine reads
 * them (the keys match `src/imports/kinds/ambulance-response-times.ts` and `call-handling.ts`).
 * Durations are stored in seconds.
 */

/** ambulance-response-times.csv: column header → measure key. */
export const RESPONSE_TIME_MEASURES = {
  Incidents: 'incidents',
  'C1 Mean': 'c1_mean_seconds',
  'C1 90th Centile': 'c1_p90_seconds',
  'C2 Mean': 'c2_mean_seconds',
  'C2 90th Centile': 'c2_p90_seconds',
  'C3 90th Centile': 'c3_p90_seconds',
  'C4 90th Centile': 'c4_p90_seconds',
  'Hospital Handovers': 'handovers',
  'Handovers Within 15 Minutes': 'handovers_within_15',
  'Handovers Within 30 Minutes': 'handovers_within_30',
  'Handovers Within 60 Minutes': 'handovers_within_60',
} as const;

/** Response-time columns given as durations (h:mm:ss) in the file and stored as seconds. */
export const DURATION_COLUMNS: ReadonlySet<string> = new Set(['C1 Mean', 'C1 90th Centile', 'C2 Mean', 'C2 90th Centile', 'C3 90th Centile', 'C4 90th Centile']);

/** call-handling.csv services (the "Service" column) → the prefix of their measure keys. */
export const CALL_SERVICES = { '999': 'calls_999', 'NHS 111': 'calls_111' } as const;
export type CallService = keyof typeof CALL_SERVICES;

/** call-handling.csv: column header → measure key suffix (prefixed by the service: 'calls_999_answered'). */
export const CALL_HANDLING_MEASURES = {
  'Calls Received': 'received',
  'Calls Answered': 'answered',
  'Answered Within 5 Seconds': 'answered_within_5s',
  'Answered Within 60 Seconds': 'answered_within_60s',
  'Mean Answer Time (Seconds)': 'mean_answer_seconds',
  '90th Centile Answer Time (Seconds)': 'p90_answer_seconds',
} as const;

/** The measure key for a call-handling column of a service, e.g. ('999', 'Calls Answered') → 'calls_999_answered'. */
export function callHandlingMeasure(service: CallService, column: keyof typeof CALL_HANDLING_MEASURES): string {
  return `${CALL_SERVICES[service]}_${CALL_HANDLING_MEASURES[column]}`;
}

/** The keys the metrics engine reads. */
export const MEASURE = {
  incidents: 'incidents',
  c1Mean: 'c1_mean_seconds',
  c1p90: 'c1_p90_seconds',
  c2Mean: 'c2_mean_seconds',
  c2p90: 'c2_p90_seconds',
  c3p90: 'c3_p90_seconds',
  c4p90: 'c4_p90_seconds',
  handovers: 'handovers',
  handovers15: 'handovers_within_15',
  handovers30: 'handovers_within_30',
  handovers60: 'handovers_within_60',
  calls999Answered: 'calls_999_answered',
  calls999Within5s: 'calls_999_answered_within_5s',
} as const;

/** Every measure key, for validation. */
export const OPERATIONAL_MEASURE_KEYS: ReadonlySet<string> = new Set([
  ...Object.values(RESPONSE_TIME_MEASURES),
  ...Object.keys(CALL_SERVICES).flatMap((service) =>
    Object.keys(CALL_HANDLING_MEASURES).map((column) => callHandlingMeasure(service as CallService, column as keyof typeof CALL_HANDLING_MEASURES)),
  ),
]);

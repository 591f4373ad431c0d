/**
 * Statistical process control (XmR) per NHS England's Making Data Count, as
 * ../shared/methods/spc.md specifies it, in two profiles: `mdc` (default; NHS England's tools) and
 * `ptd` (NHSRplotthedots 0.2.2, reproduced to the last bit on the package's own snapshots).
 *
 * - `spc(values, options)`: the JSON-shaped result of one chart (the `vitals spc` contract).
 * - `spcKernel` / `spcBatch`: the same on a Float64Array (NaN = missing) into preallocated typed
 *   arrays (`createSpcBuffers`), allocation-free, for many series at once.
 * - `checkSpcOptions` / `resolveSpcSettings`: validation naming each bad field, and defaults.
 *
 * Where spc.md leaves a choice open for mdc, Vitals chooses (and tests):
 * - missing values: rules and moving ranges run over the values with the gaps closed up; counts
 *   (13-point minimum, baseline, fixAfter) count values;
 * - screening drops the point a dropped range ends at from the mean as well;
 * - "beyond the near line" is strict; a target exactly on a limit counts as beyond it, pass first;
 * - variation and assurance read the latest value (not a trailing empty month);
 * - `baseline` fixes the first group, `fixAfter` every other group (and the first without a
 *   baseline); a neutral measure's conflicting point takes its side of the mean.
 * For ptd the R source decides where it and spc.md differ (see kernel.ts and options.ts).
 */
export * from './constants.ts';
export { compensatedMean, sumError } from './accurate-mean.ts';
export { createSpcBuffers, spcAssuranceCode, spcBatch, spcKernel, spcVariationCode, type SpcBatchIcons } from './kernel.ts';
export { checkSpcOptions, resolveSpcSettings, SpcOptionsError } from './options.ts';
export { ruleNames, spc, spcResultFromBuffers } from './spc.ts';
export type * from './types.ts';

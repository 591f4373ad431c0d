import { TRAJECTORY_LABELS, type TrajectoryStatus } from '#src/board/trajectory.ts';

const COLOURS: Record<TrajectoryStatus, string> = {
  'on-track': 'nhsuk-tag--green',
  'at-risk': 'nhsuk-tag--orange',
  'off-track': 'nhsuk-tag--red',
  'no-data': 'nhsuk-tag--grey',
};

/** A success measure's trajectory status as an NHS tag: the words carry it, the colour only repeats them. */
export function TrajectoryTag({ status }: { status: TrajectoryStatus }) {
  return <strong class={`nhsuk-tag ${COLOURS[status]}`}>{TRAJECTORY_LABELS[status]}</strong>;
}

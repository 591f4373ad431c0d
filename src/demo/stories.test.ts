import { describe, expect, it } from 'vitest';
import { DEMO_MONTH_COUNT, isoFromDay, monthEndDay } from '#src/demo/calendar.ts';
import { generateDemoTrust } from '#src/demo/generate.ts';
import { DEMO_STORIES, STORY } from '#src/demo/stories.ts';
import { engagement, headcountOn, leaverRate, per100StaffPerYear, sicknessRate, teamsUnder } from '#src/demo/story-checks.ts';
import type { Window } from '#src/demo/story-checks.ts';

const PERIOD: Window = { from: '2021-11', to: '2026-10' };

describe.each([1, 2])('planted stories (seed %i)', (seed) => {
  const trust = generateDemoTrust({ seed, staff: 7500 });
  const story = (id: string) => {
    const found = trust.stories.find((s) => s.id === id);
    if (!found) throw new Error(`No story ${id}`);
    return found;
  };

  it('lists each story once, on units that exist, with people who exist', () => {
    expect(trust.stories.map((s) => s.id)).toEqual(DEMO_STORIES.map((s) => s.id));
    const codes = new Set(trust.units.map((u) => u.code));
    const people = new Set(trust.people.map((p) => p.staffNumber));
    for (const s of trust.stories) {
      for (const code of s.unitCodes) expect(codes.has(code)).toBe(true);
      for (const p of s.people) expect(people.has(p.staffNumber)).toBe(true);
    }
  });

  describe('hub manager change', () => {
    const hub = STORY.hubManagerChange.hubCode;
    const teams = teamsUnder(trust, hub);
    const before: Window = { from: '2021-11', to: '2024-05' };
    const after: Window = { from: '2024-09', to: '2026-10' };

    it('shows the new manager in the assignments of the hub’s team leaders', () => {
      const [outgoing, incoming] = story('hub-manager-change').people.map((p) => p.staffNumber);
      const leaders = trust.assignments.filter((a) => a.unitCode.startsWith(`${hub}-T`) && a.jobTitle === 'Clinical Team Leader');
      // Over the weekend between the two, the director is the acting line manager.
      expect(leaders.some((a) => a.lineManagerStaffNumber === outgoing && a.endDate === STORY.hubManagerChange.outgoingLastDay)).toBe(true);
      expect(leaders.some((a) => a.lineManagerStaffNumber === incoming && a.startDate === STORY.hubManagerChange.incomingFirstDay)).toBe(true);
      expect(leaders.some((a) => a.lineManagerStaffNumber === outgoing && (a.endDate === null || a.endDate > STORY.hubManagerChange.outgoingLastDay))).toBe(false);
    });

    it('raises sickness absence clearly above its own earlier level and every other hub', () => {
      const rateBefore = sicknessRate(trust, teams, before);
      const rateAfter = sicknessRate(trust, teams, after);
      expect(rateAfter - rateBefore).toBeGreaterThan(0.025);
      const otherHubs = trust.units.filter((u) => u.parentCode === 'EO' && u.code !== hub && u.code !== 'EO-HQ');
      for (const other of otherHubs) expect(rateAfter).toBeGreaterThan(sicknessRate(trust, teamsUnder(trust, other.code), after));
    });

    it('more than doubles speak-up concerns and employee relations cases per 100 staff', () => {
      const concerns = trust.sources.speakUpConcerns.filter((c) => c.unitCode === hub).map((c) => c.receivedDate);
      expect(per100StaffPerYear(trust, teams, after, concerns)).toBeGreaterThan(2 * per100StaffPerYear(trust, teams, before, concerns));
      const cases = trust.sources.employeeRelations.filter((c) => teams.has(c.unitCode)).map((c) => c.openedDate);
      expect(per100StaffPerYear(trust, teams, after, cases)).toBeGreaterThan(2 * per100StaffPerYear(trust, teams, before, cases));
    });

    it('lowers staff survey engagement', () => {
      expect(engagement(trust, teams, [2025]).score).toBeLessThan(engagement(trust, teams, [2023]).score - 0.5);
    });
  });

  describe('graduate turnaround', () => {
    const team = new Set<string>([STORY.graduateTurnaround.teamCode]);
    const before: Window = { from: '2021-11', to: '2023-12' };
    const after: Window = { from: '2024-04', to: '2026-10' };

    it('records the graduate taking over the team', () => {
      const graduate = story('graduate-turnaround').people[1]?.staffNumber;
      const rows = trust.assignments.filter((a) => a.staffNumber === graduate);
      expect(rows.some((a) => a.unitCode === STORY.graduateTurnaround.sourceTeamCode && a.endDate === '2024-01-07')).toBe(true);
      expect(rows.some((a) => a.unitCode === STORY.graduateTurnaround.teamCode && a.jobTitle === 'Clinical Team Leader' && a.startDate === STORY.graduateTurnaround.takeoverDay)).toBe(true);
      const graduation = trust.sources.programmeGraduates.find((g) => g.staffNumber === graduate);
      expect(graduation?.cohort).toBe(STORY.graduateTurnaround.cohort);
      expect((graduation?.graduationDate ?? '9999') < STORY.graduateTurnaround.takeoverDay).toBe(true);
      const members = trust.assignments.filter((a) => team.has(a.unitCode) && a.jobTitle !== 'Clinical Team Leader' && a.endDate === null);
      expect(members.every((a) => a.lineManagerStaffNumber === graduate)).toBe(true);
    });

    it('cuts sickness absence and leavers and raises engagement', () => {
      expect(sicknessRate(trust, team, after)).toBeLessThan(sicknessRate(trust, team, before) - 0.03);
      expect(leaverRate(trust, team, after)).toBeLessThan(leaverRate(trust, team, before) / 2);
      expect(engagement(trust, team, [2024, 2025]).score).toBeGreaterThan(engagement(trust, team, [2021, 2022, 2023]).score + 1);
    });
  });

  it('keeps the small team under 5 staff in every month', () => {
    const team = new Set([STORY.smallTeam.teamCode]);
    for (let month = 0; month < DEMO_MONTH_COUNT; month += 1) {
      expect(headcountOn(trust, team, isoFromDay(monthEndDay(month)))).toBeLessThan(5);
    }
  });

  it('shows a turnover spike at the 111 call centre', () => {
    const teams = teamsUnder(trust, STORY.callCentreTurnover.areaCode);
    const spike: Window = { from: STORY.callCentreTurnover.fromMonth, to: STORY.callCentreTurnover.toMonth };
    const spikeLeavers = trust.sources.leavers.filter((l) => teams.has(l.unitCode) && l.leavingDate.slice(0, 7) >= spike.from && l.leavingDate.slice(0, 7) <= spike.to).length;
    const allLeavers = trust.sources.leavers.filter((l) => teams.has(l.unitCode)).length;
    const spikeMonths = 6;
    const restRatePerMonth = (allLeavers - spikeLeavers) / (DEMO_MONTH_COUNT - spikeMonths);
    expect(spikeLeavers / spikeMonths).toBeGreaterThan(2 * restRatePerMonth);
    expect(leaverRate(trust, teams, spike)).toBeGreaterThan(2 * leaverRate(trust, teams, PERIOD));
  });
});

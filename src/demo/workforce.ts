import { dayFromIso, DEMO_MONTH_COUNT, monthEndDay, monthStartDay, PERIOD_START_DAY } from '#src/demo/calendar.ts';
import { drawTraits } from '#src/demo/characteristics.ts';
import type { PersonTraits } from '#src/demo/characteristics.ts';
import type { Climate } from '#src/demo/effects.ts';
import { drawLeavingReason, monthlyLeavingProbability, RETIREMENT_AGE_LIMIT } from '#src/demo/leaving.ts';
import { nameListFor } from '#src/demo/names.ts';
import type { Random } from '#src/demo/random.ts';
import type { Role } from '#src/demo/roles.ts';
import { STORY } from '#src/demo/stories.ts';
import { ACCOUNT_POSITION, EMAIL_DOMAIN, leaderKey, STORY_POSITION } from '#src/demo/structure.ts';
import type { Structure, TeamSpec } from '#src/demo/structure.ts';

/**
 * The workforce over the period, simulated month by month: positions (a team's seats, each with a
 * role, an FTE and a manager position), the people who fill them and the posts they hold.
 */

export interface Position {
  index: number;
  key: string;
  team: TeamSpec;
  role: Role;
  fte: number;
  isLeader: boolean;
  /** The position whose holder is this one's line manager; null for the chief executive. */
  manager: Position | null;
  /** First day the position is funded. */
  openDay: number;
  /** Neither left nor filled at random before this day (accounts and stories). */
  pinnedUntil: number;
  holders: Post[];
}

export interface SimPerson {
  index: number;
  staffNumber: string;
  givenName: string;
  familyName: string;
  email: string;
  traits: PersonTraits;
  /** First day with the trust. */
  hireDay: number;
  hireAge: number;
  posts: Post[];
  leaving: { day: number; reason: string } | null;
}

export interface Post {
  person: SimPerson;
  position: Position;
  start: number;
  /** Last day, inclusive; null while it continues. */
  end: number | null;
}

export interface Workforce {
  positions: Position[];
  people: SimPerson[];
  positionsByKey: ReadonlyMap<string, Position>;
}

export function ageOn(person: SimPerson, day: number): number {
  return person.hireAge + (day - person.hireDay) / 365.25;
}

export function currentPost(position: Position): Post | null {
  const last = position.holders[position.holders.length - 1];
  return last && last.end === null ? last : null;
}

const PART_TIME_FTES = [0.4, 0.5, 0.6, 0.6, 0.8, 0.8, 0.8] as const;
const GROWTH_SHARE = 0.045;
const INITIAL_FILL = 0.975;
const FILL_CHANCE = { member: 0.4, leader: 0.65 } as const;
const INTERNAL_PROMOTION_CHANCE = 0.55;
/** Starters are a little more diverse than the staff in post in 2021 (a recruitment objective). */
const STARTER_MINORITY_UPLIFT = 1.3;

const FOREVER = Number.MAX_SAFE_INTEGER;

/** Hire age and years of service for the first holders of some positions, so their stories add up. */
const INITIAL_HOLDER: Readonly<Record<string, { hireAge: number; yearsOfService: number }>> = {
  [STORY_POSITION.hubManager]: { hireAge: 36, yearsOfService: 24 },
  [STORY_POSITION.graduate]: { hireAge: 23, yearsOfService: 4 },
  [STORY_POSITION.turnaroundLeader]: { hireAge: 30, yearsOfService: 9 },
};

function createPositions(structure: Structure, random: Random): Position[] {
  const positions: Position[] = [];
  const byTeam = new Map<string, Position>();
  const pinned = new Set<string>([
    ...Object.values(ACCOUNT_POSITION),
    STORY_POSITION.hubManager,
    STORY_POSITION.turnaroundLeader,
    leaderKey(structure.executiveTeamCode),
  ]);
  const add = (team: TeamSpec, key: string, role: Role, isLeader: boolean, openDay: number): Position => {
    const fte = isLeader || !random.chance(team.profile.partTimeShare) ? 1 : random.pick(PART_TIME_FTES);
    const position: Position = {
      index: positions.length,
      key,
      team,
      role,
      fte,
      isLeader,
      manager: null,
      openDay,
      pinnedUntil: key === STORY_POSITION.graduate ? dayFromIso(STORY.graduateTurnaround.takeoverDay) : pinned.has(key) ? FOREVER : 0,
      holders: [],
    };
    positions.push(position);
    return position;
  };
  for (const team of structure.teams) {
    const teamOpens = dayFromIso(team.openedOn);
    byTeam.set(team.code, add(team, leaderKey(team.code), team.profile.leader, true, teamOpens));
    for (const fixed of team.fixed) add(team, fixed.key, fixed.role, false, teamOpens);
    for (let i = 1 + team.fixed.length; i < team.size; i += 1) {
      const role = random.weighted(team.profile.members);
      const openDay = random.chance(GROWTH_SHARE) ? monthStartDay(random.int(1, DEMO_MONTH_COUNT - 1)) : teamOpens;
      add(team, `${team.code}:${i}`, role, false, openDay);
    }
  }

  const areas = new Map(structure.areas.map((a) => [a.code, a]));
  const directorOf = new Map(structure.areas.filter((a) => a.isDirectorateOffice).map((a) => [a.directorateCode, a.managementTeamCode]));
  const chiefExecutive = byTeam.get(structure.executiveTeamCode) ?? null;
  const leaderOf = (teamCode: string | undefined): Position | null => (teamCode === undefined ? null : (byTeam.get(teamCode) ?? null));
  for (const position of positions) {
    const team = position.team;
    const area = areas.get(team.areaCode);
    if (!position.isLeader) position.manager = leaderOf(team.code);
    else if (team.code === structure.executiveTeamCode) position.manager = null;
    else if (!team.isManagement) position.manager = leaderOf(area?.managementTeamCode);
    else if (area?.isDirectorateOffice) position.manager = chiefExecutive;
    else position.manager = leaderOf(directorOf.get(team.directorateCode));
  }
  return positions;
}

class PeopleFactory {
  readonly people: SimPerson[] = [];
  readonly #emails = new Set<string>();
  #nextStaffNumber: number;

  constructor(private readonly random: Random) {
    this.#nextStaffNumber = random.int(20_100_000, 20_900_000);
  }

  create(team: TeamSpec, hireDay: number, hireAge: number, isStarter: boolean): SimPerson {
    const profile = team.profile;
    const minorityShare = isStarter ? Math.min(0.5, profile.minorityShare * STARTER_MINORITY_UPLIFT) : profile.minorityShare;
    const traits = drawTraits(this.random, { femaleShare: profile.femaleShare, minorityShare });
    const names = nameListFor(traits.nameBackground);
    const givenName = this.random.pick(traits.sex === 'Female' ? names.female : names.male);
    const familyName = this.random.pick(names.family);
    this.#nextStaffNumber += this.random.int(1, 37);
    const person: SimPerson = {
      index: this.people.length,
      staffNumber: String(this.#nextStaffNumber),
      givenName,
      familyName,
      email: this.#uniqueEmail(givenName, familyName),
      traits,
      hireDay,
      hireAge,
      posts: [],
      leaving: null,
    };
    this.people.push(person);
    return person;
  }

  #uniqueEmail(givenName: string, familyName: string): string {
    const clean = (s: string): string => s.toLowerCase().replace(/[^a-z-]/g, '');
    const base = `${clean(givenName)}.${clean(familyName)}`;
    let local = base;
    for (let n = 2; this.#emails.has(local); n += 1) local = `${base}${n}`;
    this.#emails.add(local);
    return `${local}@${EMAIL_DOMAIN}`;
  }
}

function startPost(person: SimPerson, position: Position, start: number): Post {
  const post: Post = { person, position, start, end: null };
  person.posts.push(post);
  position.holders.push(post);
  return post;
}

function drawHireAge(random: Random, team: TeamSpec, isLeader: boolean): number {
  const { mean, sd, min } = team.profile.hireAge;
  return Math.max(min, Math.min(60, random.normal(mean + (isLeader ? 6 : 0), sd)));
}

/** Simulates 60 months of leaving, hiring and promotion, with the stories' scripted moves. */
export function simulateWorkforce(structure: Structure, climate: Climate, random: Random): Workforce {
  const positions = createPositions(structure, random.fork('positions'));
  const positionsByKey = new Map(positions.map((p) => [p.key, p]));
  const factory = new PeopleFactory(random.fork('people'));
  const rng = random.fork('turnover');
  const byTeam = new Map<string, Position[]>();
  for (const p of positions) {
    const teamPositions = byTeam.get(p.team.code);
    if (teamPositions) teamPositions.push(p);
    else byTeam.set(p.team.code, [p]);
  }

  // The staff in post on the first day, with their length of service.
  for (const position of positions) {
    if (position.openDay > PERIOD_START_DAY) continue;
    if (position.pinnedUntil === 0 && !rng.chance(INITIAL_FILL)) continue;
    const preset = INITIAL_HOLDER[position.key];
    const hireAge = preset?.hireAge ?? drawHireAge(rng, position.team, position.isLeader);
    const maxYears = Math.max(0, Math.min(62 - hireAge, (PERIOD_START_DAY - position.openDay) / 365.25));
    const years = preset?.yearsOfService ?? Math.min(maxYears, rng.exponential(position.isLeader ? 14 : 9));
    const hireDay = Math.max(position.openDay, PERIOD_START_DAY - Math.round(years * 365.25));
    startPost(factory.create(position.team, hireDay, hireAge, false), position, hireDay);
  }

  const endPost = (post: Post, day: number, reason: string | null): void => {
    post.end = day;
    if (reason !== null) post.person.leaving = { day, reason };
  };
  const positionAt = (key: string): Position => {
    const found = positionsByKey.get(key);
    if (!found) throw new Error(`No position ${key}`);
    return found;
  };
  const scripted = scriptedEvents();

  for (let month = 0; month < DEMO_MONTH_COUNT; month += 1) {
    const monthStart = monthStartDay(month);
    const monthEnd = monthEndDay(month);
    for (const event of scripted.filter((e) => e.day >= monthStart && e.day <= monthEnd)) {
      const target = positionAt(event.positionKey);
      if (event.kind === 'leave') {
        const post = currentPost(target);
        if (post) endPost(post, event.day, event.reason);
      } else if (event.kind === 'hire') {
        startPost(factory.create(target.team, event.day, event.hireAge, true), target, event.day);
      } else {
        const from = currentPost(positionAt(event.fromKey));
        if (!from) throw new Error(`Nobody to move from ${event.fromKey}`);
        endPost(from, event.day - 1, null);
        startPost(from.person, target, event.day);
      }
    }

    for (const seat of positions) {
      if (seat.openDay > monthEnd || monthStart < seat.pinnedUntil) continue;
      let post = currentPost(seat);
      if (post) {
        const person = post.person;
        const age = ageOn(person, monthStart);
        const effect = climate.effect(seat.team, month);
        const chance = monthlyLeavingProbability({
          annualRate: seat.team.profile.leaverRatePerYear,
          effect: effect.leaving,
          age,
          yearsOfService: (monthStart - person.hireDay) / 365.25,
        });
        if (age >= RETIREMENT_AGE_LIMIT || rng.chance(chance)) {
          const day = rng.int(Math.max(post.start, monthStart), monthEnd);
          endPost(post, day, drawLeavingReason(rng, { age, isStrained: effect.leaving > 1.4 }));
          post = null;
        }
      }
      if (post) continue;
      if (!rng.chance(seat.isLeader ? FILL_CHANCE.leader : FILL_CHANCE.member)) continue;
      const previous = seat.holders[seat.holders.length - 1];
      const vacantFrom = previous?.end != null ? previous.end + 1 : seat.openDay;
      const earliest = Math.max(vacantFrom, monthStart);
      if (earliest > monthEnd) continue;
      const day = rng.int(earliest, monthEnd);
      const candidate = seat.isLeader && rng.chance(INTERNAL_PROMOTION_CHANCE) ? promotionCandidate(byTeam.get(seat.team.code) ?? [], seat, day, rng) : null;
      if (candidate) {
        endPost(candidate, day - 1, null);
        startPost(candidate.person, seat, day);
      } else {
        startPost(factory.create(seat.team, day, drawHireAge(rng, seat.team, seat.isLeader), true), seat, day);
      }
    }
  }
  return { positions, people: factory.people, positionsByKey };
}

function promotionCandidate(teamPositions: readonly Position[], seat: Position, day: number, random: Random): Post | null {
  const eligible: Post[] = [];
  for (const p of teamPositions) {
    if (p === seat || p.pinnedUntil > day) continue;
    const post = currentPost(p);
    if (post && post.start < day - 90 && seat.team.profile.promotable.includes(p.role.title)) eligible.push(post);
  }
  return eligible.length === 0 ? null : random.pick(eligible);
}

type ScriptedEvent =
  | { kind: 'leave'; day: number; positionKey: string; reason: string }
  | { kind: 'hire'; day: number; positionKey: string; hireAge: number }
  | { kind: 'transfer'; day: number; positionKey: string; fromKey: string };

function scriptedEvents(): ScriptedEvent[] {
  const hub = STORY.hubManagerChange;
  const turnaround = STORY.graduateTurnaround;
  return [
    { kind: 'leave', day: dayFromIso(turnaround.outgoingLastDay), positionKey: STORY_POSITION.turnaroundLeader, reason: 'Voluntary Resignation - Relocation' },
    { kind: 'transfer', day: dayFromIso(turnaround.takeoverDay), positionKey: STORY_POSITION.turnaroundLeader, fromKey: STORY_POSITION.graduate },
    { kind: 'leave', day: dayFromIso(hub.outgoingLastDay), positionKey: STORY_POSITION.hubManager, reason: 'Retirement Age' },
    { kind: 'hire', day: dayFromIso(hub.incomingFirstDay), positionKey: STORY_POSITION.hubManager, hireAge: 43 },
  ];
}

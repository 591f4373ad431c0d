import type { InboxSummary } from '#src/speakup/cases/present.ts';
import { Card, SummaryList, Table } from '#src/web/components/content.tsx';
import { formatDate } from '#src/web/today.ts';
import { LEVEL_LABELS, lineManagerName, type JobFields, type UnitTotals } from '#src/org/summary.ts';
import type { OrgUnitNode } from '#src/org/tree.ts';

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

export interface HomeProps {
  name: string;
  roles: { role: string; unit: string }[];
  job: JobFields | undefined;
  units: (UnitTotals & { unit: OrgUnitNode; children: (UnitTotals & { unit: OrgUnitNode })[] })[];
  canManageAccounts: boolean;
  canReadAudit: boolean;
  canReadOutbox: boolean;
  canUseApi: boolean;
  /** New signals in the units the person manages; undefined when they do not manage signals. */
  newSignals: number | undefined;
  /** The Guardian's open speak-up cases that need something; undefined for everyone else. */
  speakUp: InboxSummary | undefined;
  /** Speak-up cases referred to this investigator and still open; undefined for everyone else. */
  referredToMe: number | undefined;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What a person sees first: their job, their roles, and the parts of the trust they look after. */
export function HomePage({ name, roles, job, units, canManageAccounts, canReadAudit, canReadOutbox, canUseApi, newSignals, speakUp, referredToMe }: HomeProps) {
  return (
    <>
      <h1>Welcome, {name}</h1>
      {newSignals !== undefined && (
        <div class="nhsuk-inset-text">
          <span class="nhsuk-u-visually-hidden">Information: </span>
          <p>
            {newSignals === 0 ? 'There are no new signals for your units. ' : `${newSignals === 1 ? 'There is 1 new signal' : `There are ${newSignals} new signals`} for your units. `}
            <a href="/signals">Go to your signals</a>
          </p>
        </div>
      )}
      {speakUp && (
        <div class="nhsuk-inset-text">
          <span class="nhsuk-u-visually-hidden">Information: </span>
          <p>
            {`Speak up: ${plural(speakUp.new, 'new concern', 'new concerns')}, ${plural(speakUp.overdueAcknowledgement, 'case', 'cases')} overdue for acknowledgement, ${plural(speakUp.overdueFeedback, 'case', 'cases')} overdue for feedback. `}
            <a href="/speak-up/cases">Go to speak-up cases</a>
          </p>
        </div>
      )}
      {referredToMe !== undefined && (
        <div class="nhsuk-inset-text">
          <span class="nhsuk-u-visually-hidden">Information: </span>
          <p>
            {`${referredToMe === 1 ? '1 speak-up case is' : `${referredToMe} speak-up cases are`} referred to you. `}
            <a href="/speak-up/investigations">Go to your investigations</a>
          </p>
        </div>
      )}
      {job && (
        <>
          <h2>Your job</h2>
          <SummaryList
            rows={[
              { key: 'Team', value: job.unitName },
              { key: 'Job title', value: `${job.jobTitle}, band ${job.band}` },
              { key: 'Hours', value: job.fte === 1 ? 'Full time' : `${number.format(job.fte)} full-time equivalent` },
              {
                key: 'Line manager',
                value: lineManagerName(job) ?? 'None recorded – tell your HR team',
              },
              { key: 'In post since', value: formatDate(job.startDate) },
            ]}
          />
        </>
      )}
      <h2>Your roles in Vitals</h2>
      {roles.length === 0 ? (
        <p>You have the access every member of staff has.</p>
      ) : (
        <ul class="nhsuk-list nhsuk-list--bullet vitals-role-list">
          {roles.map((entry) => (
            <li>
              {entry.role} for {entry.unit}
            </li>
          ))}
        </ul>
      )}
      {units.map((scope) => (
        <>
          <h2>
            <a href={`/org/units/${scope.unit.id}`}>{scope.unit.name}</a>
          </h2>
          <p>
            {LEVEL_LABELS[scope.unit.level]} with {number.format(scope.headcount)} staff in post ({number.format(scope.fte)} full-time
            equivalent).
          </p>
          {scope.children.length > 0 && (
            <Table
              caption={`Units in ${scope.unit.name}`}
              head={[{ text: 'Unit' }, { text: 'Staff in post' }, { text: 'FTE' }]}
              numericColumns={[1, 2]}
              rows={scope.children.map((child) => [
                <a href={`/org/units/${child.unit.id}`}>{child.unit.name}</a>,
                number.format(child.headcount),
                number.format(child.fte),
              ])}
            />
          )}
        </>
      ))}
      {(canManageAccounts || canReadAudit || canReadOutbox || canUseApi) && (
        <ul class="nhsuk-grid-row nhsuk-card-group">
          {canManageAccounts && (
            <li class="nhsuk-grid-column-one-half nhsuk-card-group__item">
              <Card href="/admin/accounts" heading="Accounts and access" description="Add accounts and grant roles over parts of the trust." />
            </li>
          )}
          {canReadAudit && (
            <li class="nhsuk-grid-column-one-half nhsuk-card-group__item">
              <Card href="/admin/audit" heading="Audit log" description="Sign-ins, changes to access and every read of restricted data." />
            </li>
          )}
          {canReadOutbox && (
            <li class="nhsuk-grid-column-one-half nhsuk-card-group__item">
              <Card href="/admin/outbox" heading="Outbox" description="The messages Vitals has written, such as managers’ signal digests." />
            </li>
          )}
          {canUseApi && (
            <li class="nhsuk-grid-column-one-half nhsuk-card-group__item">
              <Card href="/account/tokens" heading="API tokens" description="Let another system, such as Power BI, read the scorecard through the read-only API." />
            </li>
          )}
        </ul>
      )}
    </>
  );
}

export function AccountPage({ name, email, roles }: { name: string; email: string; roles: string[] }) {
  return (
    <>
      <h1>Your account</h1>
      <SummaryList
        rows={[
          { key: 'Name', value: name },
          { key: 'Email', value: email },
          {
            key: 'Roles',
            value:
              roles.length === 0 ? (
                'Staff member'
              ) : (
                <ul class="nhsuk-list">
                  {roles.map((role) => (
                    <li>{role}</li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
      <p>To change your roles, ask your Vitals administrator.</p>
    </>
  );
}

export function AccessibilityPage() {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>Accessibility statement</h1>
        <p>
          Vitals is built to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA, using the NHS design system.
          Every page works without JavaScript, can be used with a keyboard alone, and reflows on screens 320 pixels wide.
        </p>
        <h2>How we test</h2>
        <p>
          Every page is checked automatically with the axe accessibility engine in a real browser each time the software changes,
          and key journeys are tested with the keyboard only.
        </p>
        <h2>Reporting a problem</h2>
        <p>If you find a part of Vitals you cannot use, tell your trust’s Vitals administrator, who can raise it with the developers.</p>
      </div>
    </div>
  );
}

export function PrivacyPage() {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>Privacy</h1>
        <p>Vitals holds workforce information your trust already keeps, so that managers and boards can look after staff well.</p>
        <h2>What we protect</h2>
        <ul>
          <li>Results for small groups are hidden so that no one can be identified from a team’s figures.</li>
          <li>Protected characteristics can be read only by people whose role needs them, and every read is recorded.</li>
          <li>Sign-ins and changes to who can see what are recorded in an audit log that cannot be changed.</li>
        </ul>
        <h2>Speaking up</h2>
        <ul>
          <li>A concern raised anonymously is stored with no account, no internet address, no browser details and no time finer than the day. Photos lose the hidden details (camera, place, author) before they are stored.</li>
          <li>Everything written in a concern, and every attachment, is stored encrypted. Only the Freedom to Speak Up Guardian, and an investigator for the cases referred to them, can read it.</li>
          <li>A confidential reporter’s name is seen by the Guardian only. An address given for “a reply is waiting” messages is never shown to anyone and is deleted when the case closes.</li>
          <li>The details of a closed case are deleted after a period the trust sets (six years unless changed); only the counts used in reports are kept.</li>
        </ul>
        <h2>Cookies</h2>
        <p>
          Vitals uses only the cookies it needs to keep you signed in, to protect forms, and, for 30 minutes at most, to keep a reporter reading
          their own concern. It sets no tracking cookies.
        </p>
      </div>
    </div>
  );
}

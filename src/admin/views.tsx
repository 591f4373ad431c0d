import { ROLE_LABELS, ROLES, type Role } from '#src/auth/permissions.ts';
import { Breadcrumb, SummaryList, Table } from '#src/web/components/content.tsx';
import { ErrorSummary } from '#src/web/components/error-summary.tsx';
import { Button, Input, PostForm, Select } from '#src/web/components/form.tsx';
import { SuccessBanner } from '#src/web/components/notification-banner.tsx';
import type { FieldErrors, FormValues } from '#src/web/forms.ts';
import { formatDateTime } from '#src/web/today.ts';

interface AccountSummary {
  id: number;
  email: string;
  displayName: string;
  isActive: boolean;
  passwordHash: string | null;
  oidcSubject: string | null;
  grants: { role: Role; unitName: string }[];
}

export function AccountsPage({ accounts }: { accounts: AccountSummary[] }) {
  return (
    <>
      <h1>Accounts</h1>
      <p>
        <a class="nhsuk-button" href="/admin/accounts/new" role="button" draggable="false">
          Add an account
        </a>
      </p>
      <Table
        caption="Accounts and their roles"
        head={[{ text: 'Name' }, { text: 'Email' }, { text: 'Roles' }, { text: 'Status' }]}
        rows={accounts.map((a) => [
          <a href={`/admin/accounts/${a.id}`}>{a.displayName}</a>,
          a.email,
          a.grants.length === 0 ? 'Staff member' : a.grants.map((g) => `${ROLE_LABELS[g.role]} (${g.unitName})`).join('; '),
          a.isActive ? 'Active' : 'Deactivated',
        ])}
      />
    </>
  );
}

export function NewAccountPage({ csrfToken, errors, values }: { csrfToken: string; errors: FieldErrors; values: FormValues }) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <Breadcrumb items={[{ href: '/admin/accounts', text: 'Accounts' }]} />
        <ErrorSummary errors={errors} />
        <h1>Add an account</h1>
        <PostForm action="/admin/accounts/new" csrfToken={csrfToken}>
          <Input name="displayName" label="Full name" autocomplete="off" value={values.displayName} error={errors.displayName} />
          <Input name="email" label="Email address" type="email" spellcheck={false} value={values.email} error={errors.email} />
          <Input
            name="password"
            label="Password (optional)"
            type="password"
            autocomplete="new-password"
            hint="At least 12 characters. Leave blank if this person signs in with their NHS account."
            error={errors.password}
          />
          <Button>Add account</Button>
        </PostForm>
      </div>
    </div>
  );
}

const SAVED_MESSAGES: Record<string, string> = {
  created: 'Account added. Give it a role below.',
  grant: 'Role granted.',
  unchanged: 'The account already had that role there.',
  removed: 'Role removed.',
  status: 'Account status changed.',
};

interface AccountDetailProps {
  account: Omit<AccountSummary, 'grants'> & { createdAt: Date };
  grants: { id: number; role: Role; unitName: string }[];
  units: { id: number; name: string }[];
  csrfToken: string;
  errors: FieldErrors;
  values: FormValues;
  isSelf: boolean;
  saved: string | undefined;
}

export function AccountDetailPage({ account, grants, units, csrfToken, errors, values, isSelf, saved }: AccountDetailProps) {
  const message = saved ? SAVED_MESSAGES[saved] : undefined;
  return (
    <>
      <Breadcrumb items={[{ href: '/admin/accounts', text: 'Accounts' }]} />
      <ErrorSummary errors={errors} />
      {message && (
        <SuccessBanner heading={message} />
      )}
      <h1>{account.displayName}</h1>
      <SummaryList
        rows={[
          { key: 'Email', value: account.email },
          {
            key: 'Signs in with',
            value: [account.passwordHash ? 'Password' : '', account.oidcSubject ? 'NHS account (OpenID Connect)' : ''].filter(Boolean).join(' and ') || 'Not yet signed in',
          },
          { key: 'Status', value: account.isActive ? 'Active' : 'Deactivated' },
          { key: 'Added', value: formatDateTime(account.createdAt) },
        ]}
      />
      <h2>Roles</h2>
      {grants.length === 0 ? (
        <p>No roles: this account has the access every member of staff has.</p>
      ) : (
        <Table
          caption="Roles held by this account"
          head={[{ text: 'Role' }, { text: 'Over' }, { text: 'Action' }]}
          rows={grants.map((g) => [
            ROLE_LABELS[g.role],
            g.unitName,
            <PostForm action={`/admin/accounts/${account.id}/grants/${g.id}/remove`} csrfToken={csrfToken}>
              <Button variant="secondary" small>
                Remove<span class="nhsuk-u-visually-hidden"> {ROLE_LABELS[g.role]} for {g.unitName}</span>
              </Button>
            </PostForm>,
          ])}
        />
      )}
      <h2>Grant a role</h2>
      <p>A role applies to the unit chosen and every unit below it.</p>
      <PostForm action={`/admin/accounts/${account.id}/grants`} csrfToken={csrfToken}>
        <Select
          name="role"
          label="Role"
          value={values.role}
          error={errors.role}
          options={[{ value: '', text: 'Choose a role' }, ...ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role] }))]}
        />
        <Select
          name="unitId"
          label="Over"
          value={values.unitId}
          error={errors.unitId}
          options={[{ value: '', text: 'Choose a unit' }, ...units.map((unit) => ({ value: String(unit.id), text: unit.name }))]}
        />
        <Button>Grant role</Button>
      </PostForm>
      {!isSelf && (
        <>
          <h2>Access</h2>
          <PostForm action={`/admin/accounts/${account.id}/status`} csrfToken={csrfToken}>
            {errors.status && <p class="nhsuk-error-message" id="status">{errors.status}</p>}
            <Button variant={account.isActive ? 'warning' : 'secondary'}>{account.isActive ? 'Deactivate account' : 'Reactivate account'}</Button>
          </PostForm>
        </>
      )}
    </>
  );
}

interface AuditRow {
  id: number;
  at: Date;
  action: string;
  subject: string | null;
  detail: Record<string, string | number | boolean | null> | null;
  actorEmail: string | null;
}

export function AuditPage({ events }: { events: AuditRow[]; roleLabels: Record<Role, string> }) {
  const last = events.at(-1);
  return (
    <>
      <h1>Audit log</h1>
      <p>Sign-ins, changes to accounts and roles, and every read of restricted data, newest first. Entries cannot be changed or deleted.</p>
      <Table
        caption="Audit events"
        head={[{ text: 'When' }, { text: 'Who' }, { text: 'What' }, { text: 'About' }, { text: 'Details' }]}
        rows={events.map((e) => [
          formatDateTime(e.at),
          e.actorEmail ?? 'Unknown',
          e.action,
          e.subject ?? '',
          e.detail ? Object.entries(e.detail).map(([k, v]) => `${k}: ${String(v)}`).join(', ') : '',
        ])}
      />
      {last && events.length >= 50 && (
        <p>
          <a href={`/admin/audit?before=${last.id}`}>Older entries</a>
        </p>
      )}
    </>
  );
}

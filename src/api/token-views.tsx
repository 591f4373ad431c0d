import { InsetText, Table } from '#src/web/components/content.tsx';
import { ErrorSummary } from '#src/web/components/error-summary.tsx';
import { Button, Input, PostForm, Select } from '#src/web/components/form.tsx';
import { SuccessBanner } from '#src/web/components/notification-banner.tsx';
import type { FieldErrors, FormValues } from '#src/web/forms.ts';
import { formatDate, formatDateTime } from '#src/web/today.ts';
import { TOKEN_LIFETIMES_DAYS } from './forms.ts';

export interface TokenRow {
  id: number;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

interface TokensProps {
  tokens: TokenRow[];
  now: Date;
  csrfToken: string;
  errors: FieldErrors;
  values: FormValues;
  created: { name: string; token: string } | undefined;
  saved: string | undefined;
}

function tokenStatus(token: TokenRow, now: Date): string {
  if (token.revokedAt) return `Revoked ${formatDate(token.revokedAt)}`;
  if (token.expiresAt <= now) return `Expired ${formatDate(token.expiresAt)}`;
  return `Expires ${formatDate(token.expiresAt)}`;
}

export function TokensPage({ tokens, now, csrfToken, errors, values, created, saved }: TokensProps) {
  return (
    <>
      <ErrorSummary errors={errors} />
      {created && (
        <SuccessBanner titleId="created-title" heading={<>Token “{created.name}” created. Copy it now: it will not be shown again.</>}>
          <p>
            <code class="nhsuk-u-text-break-word" id="new-token">
              {created.token}
            </code>
          </p>
        </SuccessBanner>
      )}
      {saved === 'revoked' && (
        <SuccessBanner heading="Token revoked. Anything using it can no longer read the API." />
      )}
      <h1>API tokens</h1>
      <p>
        A personal access token lets another system, such as your trust’s Power BI, read the scorecard through the read-only API. It
        sees what you can see today, and no more: results for small groups stay hidden.
      </p>
      <InsetText>
        <p>
          Send the token in the Authorization header: <code>Authorization: Bearer vit_…</code>. The API answers at <code>/api/v1/units</code>,{' '}
          <code>/api/v1/metrics</code>, <code>/api/v1/scorecard?unit=&amp;period=YYYY-MM</code> and <code>/api/v1/signals?unit=</code>.
        </p>
      </InsetText>
      <h2>Your tokens</h2>
      {tokens.length === 0 ? (
        <p>You have no tokens.</p>
      ) : (
        <Table
          caption="Your personal access tokens"
          captionSize="s"
          head={[{ text: 'Name' }, { text: 'Starts with' }, { text: 'Created' }, { text: 'Last used' }, { text: 'Status' }, { text: 'Action' }]}
          rows={tokens.map((token) => {
            const isUsable = !token.revokedAt && token.expiresAt > now;
            return [
              token.name,
              <code>{token.prefix}</code>,
              formatDate(token.createdAt),
              token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never',
              tokenStatus(token, now),
              isUsable ? (
                <PostForm action={`/account/tokens/${token.id}/revoke`} csrfToken={csrfToken}>
                  <Button variant="secondary" small>
                    Revoke<span class="nhsuk-u-visually-hidden"> {token.name}</span>
                  </Button>
                </PostForm>
              ) : (
                ''
              ),
            ];
          })}
        />
      )}
      <h2>Create a token</h2>
      <PostForm action="/account/tokens" csrfToken={csrfToken}>
        <Input name="name" label="Name" hint="What will use it, for example “Power BI workforce report”." autocomplete="off" value={values.name} error={errors.name} />
        <Select
          name="expiresInDays"
          label="Expires after"
          value={values.expiresInDays ?? '90'}
          error={errors.expiresInDays}
          options={TOKEN_LIFETIMES_DAYS.map((days) => ({ value: String(days), text: `${days} days` }))}
        />
        <Button>Create token</Button>
      </PostForm>
    </>
  );
}

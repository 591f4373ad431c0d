import { ErrorSummary } from '#src/web/components/error-summary.tsx';
import { Button, Input, PostForm } from '#src/web/components/form.tsx';
import { InsetText } from '#src/web/components/content.tsx';
import type { FieldErrors, FormValues } from '#src/web/forms.ts';

interface SignInPageProps {
  csrfToken: string;
  errors: FieldErrors;
  values: FormValues;
  next: string;
  oidcLabel: string | undefined;
  isDemo: boolean;
}

export function SignInPage({ csrfToken, errors, values, next, oidcLabel, isDemo }: SignInPageProps) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1>Sign in to Vitals</h1>
        {oidcLabel && (
          <>
            <p>
              <a class="nhsuk-button" href={`/sign-in/oidc?next=${encodeURIComponent(next)}`} role="button" draggable="false">
                Sign in with your {oidcLabel}
              </a>
            </p>
            <h2 class="nhsuk-heading-m">Or sign in with a Vitals account</h2>
          </>
        )}
        <PostForm action="/sign-in" csrfToken={csrfToken}>
          <input type="hidden" name="next" value={next} />
          <Input name="email" label="Email address" type="email" autocomplete="username" spellcheck={false} value={values.email} error={errors.email} />
          <Input name="password" label="Password" type="password" autocomplete="current-password" error={errors.password} />
          <Button>Sign in</Button>
        </PostForm>
        {isDemo && (
          <InsetText>
            <p>
              This is a demonstration trust with synthetic data. Sign in as <code>staff</code>, <code>manager</code>,{' '}
              <code>guardian</code>, <code>investigator</code>, <code>analyst</code>, <code>programme</code>, <code>board</code>{' '}
              or <code>admin</code> <code>@vitals.demo</code> with the password <code>vitals-demo</code>.
            </p>
          </InsetText>
        )}
      </div>
    </div>
  );
}

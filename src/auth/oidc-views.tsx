/** Pages for an OpenID Connect sign-in that did not end signed in. `label` is OIDC_LABEL, e.g. "NHS account". */

export const oidcFailedTitle = (label: string) => `Sign-in with your ${label} did not complete`;
export const oidcNotSetUpTitle = (label: string) => `Your ${label} is not set up in Vitals`;
export const OIDC_DEACTIVATED_TITLE = 'Your Vitals account is closed';

function SignInLinks({ label }: { label: string }) {
  return (
    <p>
      <a href="/sign-in">Go back to sign in</a>
      {` or use a Vitals account instead of your ${label}.`}
    </p>
  );
}

export function OidcFailedPage({ label }: { label: string }) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>{oidcFailedTitle(label)}</h1>
        <p>
          Sign-in with your {label} did not complete. <a href="/sign-in/oidc">Try again</a>.
        </p>
        <p>If it keeps happening, close your browser, open it again and sign in once more.</p>
        <SignInLinks label={label} />
      </div>
    </div>
  );
}

export function OidcNotSetUpPage({ label, email }: { label: string; email: string | undefined }) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>{oidcNotSetUpTitle(label)}</h1>
        <p>
          {`Your ${label} is not set up in Vitals. Ask your Vitals administrator to add `}
          {email ? (
            <>
              an account for <span class="nhsuk-u-font-weight-bold">{email}</span>
            </>
          ) : (
            'an account for you'
          )}
          , then sign in again.
        </p>
        <SignInLinks label={label} />
      </div>
    </div>
  );
}

export function OidcDeactivatedPage() {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>{OIDC_DEACTIVATED_TITLE}</h1>
        <p>If you still need to use Vitals, ask your Vitals administrator to reopen your account.</p>
      </div>
    </div>
  );
}

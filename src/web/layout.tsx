import type { Child } from 'hono/jsx';
import type { Principal } from '#src/auth/permissions.ts';
import { Footer, SkipLink } from './components/footer.tsx';
import { Header } from './components/header.tsx';
import { navigationFor } from './navigation.ts';

export const SERVICE_NAME = 'Vitals';

export interface PageContext {
  principal: Principal | undefined;
  csrfToken: string;
  path: string;
}

interface LayoutProps extends PageContext {
  title: string;
  hasErrors?: boolean;
  children: Child;
}

/** The page frame: one h1 comes from the page itself; titles start "Error: " when a form failed. */
export function Layout({ title, hasErrors = false, principal, csrfToken, path, children }: LayoutProps) {
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${hasErrors ? 'Error: ' : ''}${title} – ${SERVICE_NAME}`}</title>
        <link rel="icon" href="/assets/images/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/nhsuk-frontend.min.css" />
        <link rel="stylesheet" href="/assets/vitals.css" />
        <link rel="stylesheet" href="/assets/print.css" media="print" />
      </head>
      <body>
        <script src="/assets/js-enabled.js"></script>
        <SkipLink href="#maincontent" text="Skip to main content" />
        <Header
          serviceName={SERVICE_NAME}
          serviceHref="/"
          navigation={navigationFor(principal, path)}
          account={principal && { name: principal.displayName, href: '/account', signOutAction: '/sign-out', csrfToken }}
        />
        <div class="nhsuk-width-container">
          <main class="nhsuk-main-wrapper" id="maincontent">
            {children}
          </main>
        </div>
        <Footer
          links={[
            { href: '/speak-up', text: 'Speak up about a concern' },
            { href: '/accessibility', text: 'Accessibility statement' },
            { href: '/privacy', text: 'Privacy' },
          ]}
          copyright="Vitals – open-source culture insight for NHS trusts"
        />
        <script type="module" src="/assets/vitals.js"></script>
      </body>
    </html>
  );
}

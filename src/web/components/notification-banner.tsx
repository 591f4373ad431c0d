import type { Child } from 'hono/jsx';

interface SuccessBannerProps {
  /** The message, shown large; `children` (if any) follow it. */
  heading: Child;
  title?: string;
  /** Unique on the page: the banner is labelled by its title. */
  titleId?: string;
  children?: Child;
}

/** nhsuk-frontend's success notification banner (role="alert", so it is announced on load). */
export function SuccessBanner({ heading, title = 'Success', titleId = 'nhsuk-notification-banner-title', children }: SuccessBannerProps) {
  return (
    <div class="nhsuk-notification-banner nhsuk-notification-banner--success" role="alert" aria-labelledby={titleId} data-module="nhsuk-notification-banner">
      <div class="nhsuk-notification-banner__header">
        <h2 class="nhsuk-notification-banner__title" id={titleId}>
          {title}
        </h2>
      </div>
      <div class="nhsuk-notification-banner__content">
        <p class="nhsuk-notification-banner__heading">{heading}</p>
        {children}
      </div>
    </div>
  );
}

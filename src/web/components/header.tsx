const NHS_LOGO_PATH =
  'M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z';

const USER_ICON_PATH =
  'M12 1a11 11 0 1 1 0 22 11 11 0 0 1 0-22Zm0 2a9 9 0 0 0-5 16.5V18a4 4 0 0 1 4-4h2a4 4 0 0 1 4 4v1.5A9 9 0 0 0 12 3Zm0 3a3.5 3.5 0 1 1-3.5 3.5A3.4 3.4 0 0 1 12 6Z';

export interface NavigationItem {
  href: string;
  text: string;
  isCurrent?: boolean;
}

export interface HeaderAccount {
  name: string;
  href: string;
  signOutAction: string;
  csrfToken: string;
}

interface HeaderProps {
  serviceName: string;
  serviceHref: string;
  navigation: NavigationItem[];
  account: HeaderAccount | undefined;
}

/** nhsuk-frontend header: logo and service name as one link, account links, navigation. */
export function Header({ serviceName, serviceHref, navigation, account }: HeaderProps) {
  return (
    <header class="nhsuk-header" data-module="nhsuk-header" role="banner">
      <div class="nhsuk-header__container nhsuk-width-container">
        <div class="nhsuk-header__service">
          <a class="nhsuk-header__service-logo" href={serviceHref} aria-label={`NHS ${serviceName} homepage`}>
            <svg
              class="nhsuk-header__logo"
              xmlns="http://www.w3.org/2000/svg"
              viewBox="0 0 200 80"
              height="40"
              width="100"
              focusable="false"
              role="img"
              aria-label="NHS"
            >
              <title>NHS</title>
              <path fill="currentcolor" d={NHS_LOGO_PATH} />
            </svg>
            <span class="nhsuk-header__service-name">{serviceName}</span>
          </a>
        </div>
        {account && (
          <nav class="nhsuk-header__account" aria-label="Account">
            <ul class="nhsuk-header__account-list">
              <li class="nhsuk-header__account-item">
                <a class="nhsuk-header__account-link" href={account.href}>
                  <svg
                    class="nhsuk-icon nhsuk-icon--user"
                    xmlns="http://www.w3.org/2000/svg"
                    viewBox="0 0 24 24"
                    width="16"
                    height="16"
                    focusable="false"
                    aria-hidden="true"
                  >
                    <path d={USER_ICON_PATH} />
                  </svg>
                  {account.name}
                </a>
              </li>
              <li class="nhsuk-header__account-item">
                <form class="nhsuk-header__account-form" action={account.signOutAction} method="post" novalidate>
                  <input type="hidden" name="_csrf" value={account.csrfToken} />
                  <button class="nhsuk-header__account-button">Sign out</button>
                </form>
              </li>
            </ul>
          </nav>
        )}
      </div>
      {navigation.length > 0 && (
        <nav class="nhsuk-header__navigation" aria-label="Menu">
          <div class="nhsuk-header__navigation-container nhsuk-width-container">
            <ul class="nhsuk-header__navigation-list">
              {navigation.map((item) =>
                item.isCurrent ? (
                  <li class="nhsuk-header__navigation-item nhsuk-header__navigation-item--current">
                    <a class="nhsuk-header__navigation-link" href={item.href} aria-current="true">
                      <strong class="nhsuk-header__navigation-item-current-fallback">{item.text}</strong>
                    </a>
                  </li>
                ) : (
                  <li class="nhsuk-header__navigation-item">
                    <a class="nhsuk-header__navigation-link" href={item.href}>
                      {item.text}
                    </a>
                  </li>
                ),
              )}
              <li class="nhsuk-header__menu" hidden>
                <button class="nhsuk-header__menu-toggle nhsuk-header__navigation-link" id="toggle-menu" aria-expanded="false">
                  <span class="nhsuk-u-visually-hidden">Browse </span>More
                </button>
              </li>
            </ul>
          </div>
        </nav>
      )}
    </header>
  );
}

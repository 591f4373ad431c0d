interface FooterProps {
  links: { href: string; text: string }[];
  copyright: string;
}

export function Footer({ links, copyright }: FooterProps) {
  return (
    <footer class="nhsuk-footer" role="contentinfo">
      <div class="nhsuk-width-container">
        <div class="nhsuk-footer__meta">
          <h2 class="nhsuk-u-visually-hidden">Support links</h2>
          <ul class="nhsuk-footer__list">
            {links.map((link) => (
              <li class="nhsuk-footer__list-item">
                <a class="nhsuk-footer__list-item-link" href={link.href}>
                  {link.text}
                </a>
              </li>
            ))}
          </ul>
          <p class="nhsuk-body-s">{copyright}</p>
        </div>
      </div>
    </footer>
  );
}

export function SkipLink({ href, text }: { href: string; text: string }) {
  return (
    <a class="nhsuk-skip-link" data-module="nhsuk-skip-link" href={href}>
      {text}
    </a>
  );
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Breadcrumb, SummaryList, Table } from './content.tsx';
import { ErrorSummary } from './error-summary.tsx';
import { Footer, SkipLink } from './footer.tsx';
import { Header } from './header.tsx';

interface Fixture {
  name: string;
  context: Record<string, unknown>;
  html: string;
}

const componentsDir = join(dirname(createRequire(import.meta.url).resolve('nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.js')), 'components');

function fixture(component: string, name: string, matches: (f: Fixture) => boolean = () => true): Fixture {
  const file = JSON.parse(readFileSync(join(componentsDir, component, 'fixtures.json'), 'utf8')) as { fixtures: Fixture[] };
  const found = file.fixtures.find((f) => f.name === name && matches(f));
  if (!found) throw new Error(`No fixture "${name}" for ${component}`);
  return found;
}

/** Compares markup, not formatting: whitespace between tags folded, attributes sorted, void tags unclosed. */
function normalise(html: string): string {
  return html
    .replace(/<([a-z0-9-]+)((?:\s+[a-z-:]+(?:="[^"]*")?)*)\s*\/?>/gi, (_, tag: string, attrs: string) => {
      const sorted = (attrs.match(/[a-z-:]+(?:="[^"]*")?/gi) ?? []).sort().join(' ');
      return `<${tag}${sorted ? ` ${sorted}` : ''}>`;
    })
    .replace(/=""/g, '')
    .replace(/<\/(input|path|meta|link|br)>/g, '')
    .replace(/>\s+/g, '>')
    .replace(/\s+</g, '<')
    .replace(/\s+/g, ' ')
    .trim();
}

const render = (node: { toString(): string }) => node.toString();

describe('our JSX reproduces nhsuk-frontend markup', () => {
  it('skip link', () => {
    const f = fixture('skip-link', 'default');
    expect(normalise(render(<SkipLink href="#maincontent" text="Skip to main content" />))).toBe(normalise(f.html));
  });

  it('error summary', () => {
    const f = fixture('error-summary', 'default');
    const html = render(<ErrorSummary errors={{ 'example-day': 'Date of birth must be in the past' }} />);
    expect(normalise(html)).toBe(normalise(f.html));
  });

  it('footer', () => {
    const f = fixture('footer', 'default');
    const links = ['Accessibility statement', 'Contact us', 'Cookies', 'Privacy policy', 'Terms and conditions'].map((text) => ({ href: '#', text }));
    expect(normalise(render(<Footer links={links} copyright="© NHS England" />))).toBe(normalise(f.html));
  });

  it('summary list', () => {
    const f = fixture('summary-list', 'default');
    const rows = [
      { key: 'Name', value: 'Karen Francis' },
      { key: 'Date of birth', value: '15 March 1984' },
      { key: 'Contact information', value: 'X' },
      { key: 'Contact details', value: 'Y' },
    ];
    const expected = normalise(f.html)
      .replace(/73 Roman Rd<br>Leeds<br>LS2 5ZN/, 'X')
      .replace(/<p>07700 900362<\/p><p>karen.francis@example.com<\/p>/, 'Y');
    expect(normalise(render(<SummaryList rows={rows} />))).toBe(expected);
  });

  it('breadcrumb', () => {
    const f = fixture('breadcrumb', 'default');
    const items = ['Home', 'NHS services', 'Hospitals'].map((text) => ({ href: '#', text }));
    expect(normalise(render(<Breadcrumb items={items} />))).toBe(normalise(f.html));
  });

  it('responsive table', () => {
    const f = fixture('tables', 'default', (candidate) => candidate.html.includes('nhsuk-table--responsive'));
    const html = render(
      <Table
        caption="Impetigo can look similar to other skin conditions"
        captionSize="m"
        head={[{ text: 'Skin symptoms' }, { text: 'Possible cause' }]}
        rows={[
          ['Blisters on lips or around the mouth', 'Cold sores'],
          ['Itchy, dry, cracked, sore', 'Eczema'],
          ['Itchy blisters', 'Shingles, chickenpox'],
        ]}
      />,
    );
    expect(normalise(html)).toBe(normalise(f.html));
  });

  it('header navigation', () => {
    const f = fixture('header', 'with navigation');
    const items = ['Health A to Z', 'Live Well', 'Mental health', 'Care and support', 'Pregnancy', 'NHS services'].map((text) => ({
      href: '#',
      text,
      isCurrent: text === 'Pregnancy',
    }));
    const html = render(<Header serviceName="Vitals" serviceHref="/" navigation={items} account={undefined} />);
    const nav = (s: string) => normalise(s.slice(s.indexOf('<nav class="nhsuk-header__navigation"'), s.lastIndexOf('</nav>') + 6));
    expect(nav(html)).toBe(nav(f.html));
  });
});

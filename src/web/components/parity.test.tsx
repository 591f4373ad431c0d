import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Breadcrumb, SummaryList, Table } from './content.tsx';
import { ErrorSummary } from './error-summary.tsx';
import { Footer, SkipLink } from './footer.tsx';
import { Button, DateInput, Textarea } from './form.tsx';
import { Header } from './header.tsx';
import { SuccessBanner } from './notification-banner.tsx';

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

  it('small secondary button', () => {
    const f = fixture('button', 'example secondary save button, small');
    expect(normalise(render(<Button variant="secondary" small>Save</Button>))).toBe(normalise(f.html));
  });

  it('success notification banner', () => {
    const f = fixture('notification-banner', 'with success variant');
    expect(normalise(render(<SuccessBanner heading="Email sent to example@email.com" />))).toBe(normalise(f.html));
  });

  // Our fields use the name as the id, so the fixtures' separate id stands in for the name.
  it('textarea', () => {
    const f = fixture('textarea', 'without heading');
    const hint = 'Do not include personal information like your name, date of birth or NHS number';
    const html = render(<Textarea name="without-heading" label="Can you provide more detail?" hint={hint} />);
    expect(normalise(html)).toBe(normalise(f.html).replace('name="example"', 'name="without-heading"'));
  });

  it('textarea with error message and hint', () => {
    const f = fixture('textarea', 'with error message and hint, without heading');
    const hint = 'Do not include personal information like your name, date of birth or NHS number';
    const html = render(<Textarea name="with-hint-error" label="Can you provide more detail?" hint={hint} error="You must provide an explanation" />);
    expect(normalise(html)).toBe(normalise(f.html).replace('name="example"', 'name="with-hint-error"'));
  });

  // Our parts are named `<name>-day` (flat form keys) where the fixtures name them `day`.
  const prefixPartNames = (html: string) => html.replace(/name="(day|month|year)"/g, 'name="example-$1"');

  it('date input', () => {
    const f = fixture('date-input', 'without heading');
    const html = render(<DateInput name="example" legend="What is your date of birth?" values={{}} />);
    expect(normalise(html)).toBe(prefixPartNames(normalise(f.html)));
  });

  it('date input with error message and hint', () => {
    const f = fixture('date-input', 'with error message and hint, without heading');
    const html = render(<DateInput name="example" legend="What is your date of birth?" hint="For example, 31 3 1980" error="Enter your date of birth" values={{}} />);
    expect(normalise(html)).toBe(prefixPartNames(normalise(f.html)));
  });

  it('date input with values', () => {
    const f = fixture('date-input', 'with values');
    const values = { 'example-day': '5', 'example-month': '8', 'example-year': '2024' };
    const html = render(<DateInput name="example" legend="What is your date of birth?" legendSize="l" hint="For example, 31 3 1980" values={values} />);
    // The fixture's legend wraps a page heading; ours is plain text.
    const withoutHeading = (s: string) => s.replace(/<h1 class="nhsuk-fieldset__heading">(.*?)<\/h1>/, '$1');
    expect(normalise(html)).toBe(withoutHeading(prefixPartNames(normalise(f.html))));
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

import { describe, expect, it } from 'vitest';
import { categoriesOn } from '#src/speakup/rules.ts';
import { parseRaiseForm, parseReplyForm, type Body } from './forms.ts';

const options = { unitIds: new Set([5, 6]), categories: categoriesOn('2026-11-02').filter((category) => category.key !== 'patient_safety') };

const valid = (overrides: Body = {}): Body => ({
  _csrf: 'token',
  concern: '  Rotas are changed at a day’s notice.  ',
  unitId: '5',
  patientSafety: 'no',
  categories: ['other', 'worker_safety'],
  detriment: 'no',
  raisedAs: 'anonymous',
  reporterName: 'Typed Anyway',
  reporterContact: 'typed@example.com',
  passphrase: 'a passphrase long enough',
  passphraseConfirm: 'a passphrase long enough',
  notifyAddress: '',
  ...overrides,
});

describe('parseRaiseForm', () => {
  it('drops a name and contact typed into an anonymous concern, and orders categories as configured', async () => {
    const result = await parseRaiseForm(valid(), options);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.concern).toEqual({
      raisedAs: 'anonymous',
      concern: 'Rotas are changed at a day’s notice.',
      unitId: 5,
      categories: ['worker_safety', 'other'],
      detrimentIndicated: false,
      reporterName: null,
      reporterContact: null,
      notifyAddress: null,
      passphrase: 'a passphrase long enough',
      attachment: undefined,
    });
  });

  it('maps the patient-safety answer into the categories, and lets it stand alone', async () => {
    const yes = await parseRaiseForm(valid({ patientSafety: 'yes', categories: [] }), options);
    expect(yes.ok && yes.concern.categories).toEqual(['patient_safety']);
    const unsure = await parseRaiseForm(valid({ patientSafety: 'not_sure', categories: 'other' }), options);
    expect(unsure.ok && unsure.concern.categories).toEqual(['other']);
    const nothing = await parseRaiseForm(valid({ patientSafety: 'not_sure', categories: [] }), options);
    expect(!nothing.ok && nothing.errors.categories).toBe('Select what your concern is about. Choose ‘Something else’ if none of these fit');
  });

  it('keeps a confidential reporter’s name and contact, trimmed', async () => {
    const result = await parseRaiseForm(valid({ raisedAs: 'confidential', reporterName: ' Sam Example ', reporterContact: ' 07700 900123 ' }), options);
    expect(result.ok && [result.concern.reporterName, result.concern.reporterContact]).toEqual(['Sam Example', '07700 900123']);
  });

  it('lists errors in the order of the form and never echoes the passphrases or CSRF token', async () => {
    const result = await parseRaiseForm(valid({ concern: '', unitId: '99', passphraseConfirm: 'something else entirely' }), options);
    if (result.ok) throw new Error('expected errors');
    expect(Object.keys(result.errors)).toEqual(['concern', 'unitId', 'passphraseConfirm']);
    expect(result.values).not.toHaveProperty('passphrase');
    expect(result.values).not.toHaveProperty('passphraseConfirm');
    expect(result.values).not.toHaveProperty('_csrf');
    expect(result.values.reporterName).toBe('Typed Anyway');
    expect(result.categories).toEqual(['other', 'worker_safety']);
  });

  it('refuses a file over 5 MB and more than one file', async () => {
    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'big.png', { type: 'image/png' });
    const tooBig = await parseRaiseForm(valid({ attachment: big }), options);
    expect(!tooBig.ok && tooBig.errors.attachment).toBe('The attachment must be smaller than 5 MB');
    const small = new File([new Uint8Array(10)], 'a.png', { type: 'image/png' });
    const two = await parseRaiseForm(valid({ attachment: [small, small] }), options);
    expect(!two.ok && two.errors.attachment).toBe('Attach one file only');
  });
});

describe('parseReplyForm', () => {
  it('needs a message of at most 10,000 characters and treats no file chosen as no attachment', async () => {
    const ok = await parseReplyForm({ message: ' More detail. ', attachment: new File([], '') });
    expect(ok).toEqual({ ok: true, message: 'More detail.', attachment: undefined });
    const long = await parseReplyForm({ message: 'x'.repeat(10_001) });
    expect(!long.ok && long.errors.message).toBe('Your message must be 10,000 characters or fewer');
  });
});

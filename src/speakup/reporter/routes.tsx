import { Hono, type Context } from 'hono';
import { requires } from '#src/auth/guard.ts';
import { PUBLIC } from '#src/auth/permissions.ts';
import type { Config } from '#src/config.ts';
import type { OrgUnitNode } from '#src/org/tree.ts';
import { attachmentHeaders } from '#src/speakup/attachments.ts';
import { AttemptLimiter, FOLLOW_UP_LIMITS } from '#src/speakup/attempts.ts';
import { normaliseReceiptCode } from '#src/speakup/receipt.ts';
import { categoriesOn, dueDates, timelinessOn } from '#src/speakup/rules.ts';
import {
  addMessage,
  caseOutcome,
  findCase,
  listMessages,
  markRepliesRead,
  openReporterCase,
  raiseConcern,
  readAttachment,
  recordClosingFeedback,
  type CaseRow,
} from '#src/speakup/store.ts';
import type { AppEnv } from '#src/web/env.ts';
import { AppError, notFound } from '#src/web/errors.ts';
import { parseForm, type FieldErrors, type FormValues } from '#src/web/forms.ts';
import { renderPage } from '#src/web/render.tsx';
import { isoDate } from '#src/web/today.ts';
import { CasePage, FollowUpPage } from './case-views.tsx';
import { clearCaseCookie, openedCaseId, setCaseCookie, setReceiptCookie, takeReceipt } from './cookies.ts';
import { ClosingFeedbackSchema, FollowUpSchema, parseRaiseForm, parseReplyForm } from './forms.ts';
import { reporterPrivacyHeaders } from './privacy.ts';
import { clientAddress } from '#src/web/client-address.ts';
import { LandingPage, RaisePage, ReceiptGonePage, ReceiptPage, type PlaceOption } from './views.tsx';

const NOT_RIGHT = 'The receipt code or passphrase is not right';
const TOO_MANY = `Too many attempts. Wait ${FOLLOW_UP_LIMITS.windowMinutes} minutes, then try again.`;
const CASE_PATH = '/speak-up/follow-up/case';

/** One limiter per running app (tests build many apps, each with its own config). */
const limiters = new WeakMap<Config, AttemptLimiter>();
function limiterFor(config: Config): AttemptLimiter {
  let limiter = limiters.get(config);
  if (!limiter) limiters.set(config, (limiter = new AttemptLimiter(FOLLOW_UP_LIMITS)));
  return limiter;
}

const today = (c: Context<AppEnv>) => isoDate(c.get('clock')());

/** Directorates and areas, each area under its directorate; teams are left out, as naming one may identify the reporter. */
async function placeOptions(c: Context<AppEnv>): Promise<PlaceOption[]> {
  const tree = await c.get('orgTree')();
  const places: PlaceOption[] = [];
  const visit = (unit: OrgUnitNode, depth: number) => {
    const listed = unit.level === 'directorate' || unit.level === 'area';
    if (listed) places.push({ id: unit.id, text: `${'– '.repeat(depth)}${unit.name}` });
    if (unit.level === 'area') return;
    for (const child of tree.children(unit.id)) visit(child, listed ? depth + 1 : depth);
  };
  for (const root of tree.roots()) visit(root, 0);
  return places;
}

/** Categories offered as checkboxes; patient safety is asked as its own question. */
const offeredCategories = (day: string) => categoriesOn(day).filter((category) => category.key !== 'patient_safety');

async function showRaise(c: Context<AppEnv>, errors: FieldErrors, values: FormValues, chosenCategories: readonly string[]) {
  const hasErrors = Object.keys(errors).length > 0;
  return renderPage(
    c,
    'Raise a concern',
    <RaisePage
      csrfToken={c.get('csrfToken')}
      places={await placeOptions(c)}
      categories={offeredCategories(today(c))}
      errors={errors}
      values={values}
      chosenCategories={chosenCategories}
      signedInAs={c.get('principal')?.displayName}
    />,
    { status: hasErrors ? 400 : 200, hasErrors },
  );
}

function showFollowUp(c: Context<AppEnv>, errors: FieldErrors, values: FormValues, status: 200 | 400 | 429 = 200) {
  const hasErrors = Object.keys(errors).length > 0;
  return renderPage(
    c,
    'Read replies to your concern',
    <FollowUpPage csrfToken={c.get('csrfToken')} errors={errors} values={values} signedOut={c.req.query('saved') === 'signed-out'} />,
    { status, hasErrors },
  );
}

/**
 * The case this browser opened with its receipt code and passphrase, renewing the idle time; or
 * undefined (no cookie, expired, or the case has been redacted since).
 */
async function openedCase(c: Context<AppEnv>): Promise<CaseRow | undefined> {
  const caseId = openedCaseId(c);
  const found = caseId === undefined ? undefined : await findCase(c.get('database').db, caseId);
  if (!found || found.redactedOn !== null) {
    clearCaseCookie(c);
    return undefined;
  }
  setCaseCookie(c, found.id);
  return found;
}

const backToFollowUp = (c: Context<AppEnv>) => c.redirect('/speak-up/follow-up', c.req.method === 'GET' ? 302 : 303);

async function showCase(c: Context<AppEnv>, row: CaseRow, errors: FieldErrors = {}, values: FormValues = {}) {
  const { db } = c.get('database');
  const ring = c.get('config').speakUpKeys;
  const messages = await listMessages(db, ring, row.id, { includeInternal: false });
  await markRepliesRead(db, row.id);
  const hasErrors = Object.keys(errors).length > 0;
  return renderPage(
    c,
    'Your concern',
    <CasePage
      view={{
        reference: row.reference,
        status: row.status,
        receivedOn: row.receivedOn,
        acknowledgedOn: row.acknowledgedOn,
        firstFeedbackOn: row.firstFeedbackOn,
        closedOn: row.closedOn,
        due: dueDates(row.receivedOn),
        messages,
        outcome: row.status === 'closed' ? caseOutcome(ring, row).outcome : null,
        feedbackAnswered: row.wouldSpeakUpAgain !== null,
      }}
      csrfToken={c.get('csrfToken')}
      errors={errors}
      values={values}
      saved={c.req.query('saved')}
    />,
    { status: hasErrors ? 400 : 200, hasErrors },
  );
}

/**
 * Mounted at /speak-up: raising a concern and following it up, open to everyone. Nothing here
 * records who is asking: no audit entry, no log line, no session; for an anonymous concern nothing
 * from the request reaches the store.
 */
export const reporterRoutes = new Hono<AppEnv>();
for (const path of ['/', '/raise', '/receipt', '/follow-up', '/follow-up/*']) reporterRoutes.use(path, reporterPrivacyHeaders);

reporterRoutes
  .get('/', requires(PUBLIC), (c) => {
    const rule = timelinessOn(today(c));
    return renderPage(c, 'Speak up', <LandingPage acknowledgeDays={rule.acknowledgeDays} feedbackMonths={Math.round(rule.feedbackDays / 30.44)} />);
  })
  .get('/raise', requires(PUBLIC), (c) => {
    const principal = c.get('principal');
    return showRaise(c, {}, principal ? { reporterName: principal.displayName, reporterContact: principal.email } : {}, []);
  })
  .post('/raise', requires(PUBLIC), async (c) => {
    const day = today(c);
    const places = await placeOptions(c);
    const form = await parseRaiseForm(await c.req.parseBody({ all: true }), {
      unitIds: new Set(places.map((place) => place.id)),
      categories: offeredCategories(day),
    });
    if (!form.ok) return showRaise(c, form.errors, form.values, form.categories);
    const raised = await raiseConcern(c.get('database').db, c.get('config').speakUpKeys, form.concern, day);
    setReceiptCookie(c, { reference: raised.reference, receiptCode: raised.receiptCode });
    return c.redirect('/speak-up/receipt', 303);
  })
  .get('/receipt', requires(PUBLIC), (c) => {
    const receipt = takeReceipt(c);
    if (!receipt) return renderPage(c, 'Your receipt can no longer be shown', <ReceiptGonePage />);
    return renderPage(c, 'Your concern has been sent', <ReceiptPage reference={receipt.reference} receiptCode={receipt.receiptCode} due={dueDates(today(c))} />);
  })
  .get('/follow-up', requires(PUBLIC), async (c) => {
    if (await openedCase(c)) return c.redirect(CASE_PATH);
    return showFollowUp(c, {}, {});
  })
  .post('/follow-up', requires(PUBLIC), async (c) => {
    const form = parseForm(FollowUpSchema, await c.req.parseBody());
    if (!form.ok) {
      const { receiptCode } = form.values;
      return showFollowUp(c, form.errors, receiptCode === undefined ? {} : { receiptCode }, 400);
    }
    const { receiptCode, passphrase } = form.data;
    const shown = { receiptCode };
    const limiter = limiterFor(c.get('config'));
    const now = c.get('clock')();
    // The limit is checked before the receipt is looked up, so a refusal says nothing about whether it exists.
    const keys = [`address:${clientAddress(c)}`, `receipt:${normaliseReceiptCode(receiptCode) ?? receiptCode.toUpperCase()}`];
    if (limiter.isLimited(keys, now)) return showFollowUp(c, { receiptCode: TOO_MANY }, shown, 429);
    const caseId = await openReporterCase(c.get('database').db, receiptCode, passphrase);
    if (caseId === undefined) {
      limiter.recordFailure(keys, now);
      return showFollowUp(c, { receiptCode: NOT_RIGHT }, shown, 400);
    }
    setCaseCookie(c, caseId);
    return c.redirect(CASE_PATH, 303);
  })
  .post('/follow-up/sign-out', requires(PUBLIC), (c) => {
    clearCaseCookie(c);
    return c.redirect('/speak-up/follow-up?saved=signed-out', 303);
  })
  .get('/follow-up/case', requires(PUBLIC), async (c) => {
    const row = await openedCase(c);
    return row ? showCase(c, row) : backToFollowUp(c);
  })
  .post('/follow-up/case/messages', requires(PUBLIC), async (c) => {
    const row = await openedCase(c);
    if (!row) return backToFollowUp(c);
    if (row.status === 'closed') throw new AppError(409, 'This concern is closed, so it cannot take new messages. If something new worries you, raise a new concern.');
    const form = await parseReplyForm(await c.req.parseBody({ all: true }));
    if (!form.ok) return showCase(c, row, form.errors, form.values);
    await addMessage(
      c.get('database').db,
      c.get('config').speakUpKeys,
      { caseId: row.id, author: 'reporter', authorAccountId: null, internal: false, body: form.message, attachment: form.attachment },
      today(c),
    );
    return c.redirect(`${CASE_PATH}?saved=message`, 303);
  })
  .post('/follow-up/case/feedback', requires(PUBLIC), async (c) => {
    const row = await openedCase(c);
    if (!row) return backToFollowUp(c);
    if (row.status !== 'closed') throw new AppError(409, 'The closing questions are asked once your concern is closed.');
    if (row.wouldSpeakUpAgain !== null) throw new AppError(409, 'You have already answered the closing questions. Thank you.');
    const form = parseForm(ClosingFeedbackSchema, await c.req.parseBody());
    if (!form.ok) return showCase(c, row, form.errors, form.values);
    await recordClosingFeedback(c.get('database').db, row.id, { wouldSpeakUpAgain: form.data.wouldSpeakUpAgain, detrimentAfterClosure: form.data.detrimentAfter });
    return c.redirect(`${CASE_PATH}?saved=feedback`, 303);
  })
  .get('/follow-up/case/attachments/:attachmentId', requires(PUBLIC), async (c) => {
    const row = await openedCase(c);
    if (!row) return backToFollowUp(c);
    const attachmentId = Number(c.req.param('attachmentId'));
    if (!Number.isInteger(attachmentId) || attachmentId <= 0) throw notFound();
    const file = await readAttachment(c.get('database').db, c.get('config').speakUpKeys, row.id, attachmentId, { includeInternal: false });
    if (!file) throw notFound();
    return c.body(new Uint8Array(file.bytes), 200, attachmentHeaders(attachmentId, file.mediaType));
  });

import type { Db } from '#src/db/client.ts';
import { queueMessage } from '#src/notifications/outbox.ts';
import { loadOrgTree } from '#src/org/store.ts';
import type { OrgTree } from '#src/org/tree.ts';
import { isoDate } from '#src/web/today.ts';
import { formatPeriod, KIND_LABELS } from './present.ts';
import { listActiveManagerGrants, listSignalsByIds, type SignalRow } from './store.ts';

interface Manager {
  accountId: number;
  email: string;
  displayName: string;
}

/**
 * The managers of a unit: the active accounts with the manager role on the unit itself or, when it
 * has none, on its nearest ancestor that has one.
 */
export function managersOf(unitId: number, tree: OrgTree, managersByUnit: ReadonlyMap<number, readonly Manager[]>): readonly Manager[] {
  for (const unit of tree.path(unitId).reverse()) {
    const managers = managersByUnit.get(unit.id);
    if (managers && managers.length > 0) return managers;
  }
  return [];
}

export interface DigestSignal {
  id: number;
  unitName: string;
  metricName: string;
  kind: 'concern' | 'improvement';
  sincePeriod: string;
  evidence: string;
}

/**
 * The plain-text digest for one manager. Built only from the engine's evidence text, which is
 * already suppression-safe; it names no person.
 */
export function writeDigest(displayName: string, signals: readonly DigestSignal[], publicUrl: string): { subject: string; body: string } {
  const count = signals.length === 1 ? '1 new signal' : `${signals.length} new signals`;
  const items = signals.map((s, index) =>
    [
      `${index + 1}. ${s.unitName}: ${s.metricName} (${KIND_LABELS[s.kind].toLowerCase()})`,
      `   Since ${formatPeriod(s.sincePeriod)}. ${s.evidence}`,
      `   ${publicUrl}/signals/${s.id}`,
    ].join('\n'),
  );
  const body = [
    `Hello ${displayName},`,
    `The latest data in Vitals shows ${count} for the units you manage:`,
    ...items,
    `Acknowledge each signal and record what you will do in your signals inbox: ${publicUrl}/signals`,
    'You get this message because you hold the manager role for these units in Vitals.',
  ].join('\n\n');
  return { subject: `Vitals: ${count} for your units`, body };
}

/**
 * After an import: one message per manager listing every new signal for the units they manage,
 * never one per signal. Returns the ids of the messages queued.
 */
export async function notifyManagersOfNewSignals(
  db: Db,
  options: { signalIds: readonly number[]; importId: number | null; publicUrl: string },
  now: Date,
): Promise<number[]> {
  const signals = (await listSignalsByIds(db, options.signalIds)).filter((s) => s.status === 'new' && s.isActive === 1);
  if (signals.length === 0) return [];
  const tree = await loadOrgTree(db, isoDate(now));
  const managersByUnit = new Map<number, Manager[]>();
  for (const grant of await listActiveManagerGrants(db)) {
    const list = managersByUnit.get(grant.unitId) ?? [];
    list.push({ accountId: grant.accountId, email: grant.email, displayName: grant.displayName });
    managersByUnit.set(grant.unitId, list);
  }
  const digests = new Map<number, { manager: Manager; signals: SignalRow[] }>();
  for (const s of signals) {
    if (!tree.get(s.unitId)) continue;
    for (const manager of managersOf(s.unitId, tree, managersByUnit)) {
      const digest = digests.get(manager.accountId) ?? { manager, signals: [] };
      digest.signals.push(s);
      digests.set(manager.accountId, digest);
    }
  }
  const messageIds: number[] = [];
  for (const { manager, signals: own } of digests.values()) {
    const { subject, body } = writeDigest(
      manager.displayName,
      own.map((s) => ({ ...s, unitName: tree.get(s.unitId)?.name ?? '' })),
      options.publicUrl,
    );
    messageIds.push(
      await queueMessage(
        db,
        { to: manager.email, subject, body, context: { kind: 'signals-digest', importId: options.importId, signalIds: own.map((s) => s.id) } },
        now,
      ),
    );
  }
  return messageIds;
}

// The running scope checklist: which scopes the chosen changes need, with modify subsuming read-only.
import type { ChecklistEntry, ReviewItem, ScopeChecklistResolver } from './model.ts';
import { byCodeUnit } from '../order.ts';

const READ_ONLY_SUFFIX = '_read_only';

/**
 * Groups items by `item.scope`; a `<x>_read_only` scope disappears (its items move to `<x>`) when
 * `<x>` itself is needed. Stand-in for the catalogue's `minimalScopes`, which can be passed instead.
 */
export const checklistFromItemScopes: ScopeChecklistResolver = (items) => {
  const entries = new Map<string, ChecklistEntry>();
  for (const item of items) {
    if (!item.scope) continue;
    const entry = entries.get(item.scope) ?? { scope: item.scope, label: item.label, itemIds: [] };
    entry.label ??= item.label;
    entry.itemIds.push(item.id);
    entries.set(item.scope, entry);
  }
  for (const [scope, entry] of entries) {
    if (!scope.endsWith(READ_ONLY_SUFFIX)) continue;
    const modify = entries.get(scope.slice(0, -READ_ONLY_SUFFIX.length));
    if (!modify) continue;
    modify.itemIds.push(...entry.itemIds);
    entries.delete(scope);
  }
  return [...entries.values()].sort((a, b) => byCodeUnit(a.scope, b.scope));
};

/** Scopes `extra` needs beyond what `base` already grants (a modify scope in base covers its read-only). */
export function scopesBeyond(base: ChecklistEntry[], extra: ChecklistEntry[]): ChecklistEntry[] {
  const granted = new Set(base.map((e) => e.scope));
  return extra.filter(
    (e) => !granted.has(e.scope) && !(e.scope.endsWith(READ_ONLY_SUFFIX) && granted.has(e.scope.slice(0, -READ_ONLY_SUFFIX.length))),
  );
}

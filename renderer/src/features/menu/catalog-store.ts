/**
 * The catalog as the renderer holds it: one fetch shared by the checkout and the 메뉴 screen, refetched
 * whenever either changes it (catalogChanged), so a sold-out toggle or an edit shows everywhere at once.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { Catalog } from '../../../../shared/domain/catalog/catalog-model';
import { pos } from '../../api/pos';

const EMPTY: Catalog = { categories: [], products: [] };
let current: Catalog = EMPTY;
let loaded = false;
const listeners = new Set<() => void>();

async function reload(): Promise<void> {
  try {
    current = await pos.getCatalog({});
    loaded = true;
    for (const l of listeners) l();
  } catch {
    /* before onboarding or while the core restarts: the screen keeps what it had */
  }
}

/** Tell every screen the catalog changed (after a save, a CSV import, the demo menu …). */
export function catalogChanged(): Promise<void> {
  return reload();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => void listeners.delete(l);
}

export function useCatalog(): Catalog {
  const c = useSyncExternalStore(subscribe, () => current);
  useEffect(() => {
    if (!loaded) void reload();
  }, []);
  return c;
}

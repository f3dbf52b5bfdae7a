import { useCallback, useEffect, useState } from 'react';
import type { DrawerState } from '../../../../shared/contract-cash';
import { pos } from '../../api/pos';

/** The drawer session state, loaded once and kept current by drawer.updated events. */
export function useDrawer(): { state: DrawerState | null; reload: () => void } {
  const [state, setState] = useState<DrawerState | null>(null);
  const reload = useCallback(() => {
    void pos.getDrawer({}).then(setState, () => undefined);
  }, []);
  useEffect(() => {
    reload();
    return pos.on('drawer.updated', setState);
  }, [reload]);
  return { state, reload };
}

/**
 * "Unsaved changes" across the 설정 sections: each section reports whether it holds edits it has not saved;
 * the screen knows if any does (to ask before leaving, and to warn on closing the window).
 */
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';

interface UnsavedRegistry {
  report(section: string, dirty: boolean): void;
}
const UnsavedContext = createContext<UnsavedRegistry | null>(null);

/** A section says whether it has unsaved edits (no-op outside the 설정 screen). */
export function useReportUnsaved(section: string, dirty: boolean): void {
  const registry = useContext(UnsavedContext);
  useEffect(() => {
    registry?.report(section, dirty);
    return () => registry?.report(section, false);
  }, [registry, section, dirty]);
}

export function UnsavedProvider({ onChange, children }: { onChange: (sections: readonly string[]) => void; children: ReactNode }) {
  const dirty = useRef(new Set<string>());
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  const registry = useMemo<UnsavedRegistry>(
    () => ({
      report(section, isDirty) {
        const had = dirty.current.has(section);
        if (had === isDirty) return;
        if (isDirty) dirty.current.add(section);
        else dirty.current.delete(section);
        onChangeRef.current([...dirty.current]);
      },
    }),
    [],
  );
  // closing or reloading the window with edits not saved: the browser asks first
  useEffect(() => {
    const h = (e: BeforeUnloadEvent) => {
      if (dirty.current.size > 0) e.preventDefault();
    };
    window.addEventListener('beforeunload', h);
    return () => window.removeEventListener('beforeunload', h);
  }, []);
  return <UnsavedContext.Provider value={registry}>{children}</UnsavedContext.Provider>;
}

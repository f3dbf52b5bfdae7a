/**
 * One save for the whole 설정 screen: each section reports whether it holds edits it has not saved, and
 * how to save them; the screen's one 저장 bar (or Enter in any section's form) saves every changed section.
 * The screen also knows whether any section is unsaved (to ask before leaving, and to warn on closing).
 */
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';

/** Saves the section's edits; true when they were saved (false: the section shows what is wrong). */
export type SectionSave = () => Promise<boolean>;

interface UnsavedRegistry {
  report(section: string, dirty: boolean, save: SectionSave | null): void;
  /** Saves every section with edits, in the order they were changed; true when all were saved. */
  saveAll(): Promise<boolean>;
}
const UnsavedContext = createContext<UnsavedRegistry | null>(null);

/** A section says whether it has unsaved edits and how to save them (no-op outside the 설정 screen). */
export function useReportUnsaved(section: string, dirty: boolean, save?: SectionSave): void {
  const registry = useContext(UnsavedContext);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    registry?.report(section, dirty, dirty ? () => (saveRef.current ? saveRef.current() : Promise.resolve(true)) : null);
    return () => registry?.report(section, false, null);
  }, [registry, section, dirty]);
}

/** Whether the form is inside the 설정 screen's one save model (a form shared with other screens keeps its own button elsewhere). */
export function useInSaveModel(): boolean {
  return useContext(UnsavedContext) !== null;
}

/** What a section's form calls on submit (Enter): the one save for the whole screen. */
export function useSaveAll(): () => Promise<boolean> {
  const registry = useContext(UnsavedContext);
  return registry ? registry.saveAll : () => Promise.resolve(true);
}

export function UnsavedProvider({ onChange, children }: { onChange: (sections: readonly string[]) => void; children: ReactNode }) {
  const dirty = useRef(new Map<string, SectionSave>());
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  const registry = useMemo<UnsavedRegistry>(() => {
    let saving: Promise<boolean> | null = null;
    return {
      report(section, isDirty, save) {
        const had = dirty.current.has(section);
        if (isDirty && save) dirty.current.set(section, save);
        else dirty.current.delete(section);
        if (had !== isDirty) onChangeRef.current([...dirty.current.keys()]);
      },
      saveAll() {
        // one save at a time (a second press while saving waits for the first)
        saving ??= (async () => {
          let ok = true;
          for (const save of [...dirty.current.values()]) if (!(await save())) ok = false;
          return ok;
        })().finally(() => {
          saving = null;
        });
        return saving;
      },
    };
  }, []);
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

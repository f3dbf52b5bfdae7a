import type { ReactNode } from 'react';

/** A key cap for shortcut hints. */
export function Kbd({ children }: { children: ReactNode }) {
  return <kbd className="kbd">{children}</kbd>;
}

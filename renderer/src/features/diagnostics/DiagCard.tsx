/** A titled card of the 진단 screen with its state badge (ok / bad / idle / busy). */
import { useId, type ReactNode } from 'react';

export type DiagState = 'ok' | 'bad' | 'idle' | 'busy';

export function DiagCard({ title, testId, state, badge, children }: { title: string; testId: string; state: DiagState; badge: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="diag__card" data-testid={testId} data-state={state} aria-labelledby={id}>
      <header className="diag__head">
        <h2 className="panel-title" id={id}>
          {title}
        </h2>
        <span className={`diag__badge diag__badge--${state}`} data-testid={`${testId}-badge`}>
          {badge}
        </span>
      </header>
      {children}
    </section>
  );
}

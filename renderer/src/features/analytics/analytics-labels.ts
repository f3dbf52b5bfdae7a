/** Labels of the analytics buckets: Seoul hours, weekdays Monday first, payment methods, category codes. */
import type { MessageKey } from '../../i18n/i18n';
import { methodLabelKey } from '../checkout/payment-view';

/** Korean weeks start on Monday (월요일); the core counts 0 = Sunday. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;
export const WEEKDAY_KEY: Record<number, MessageKey> = {
  0: 'analytics.weekday.0',
  1: 'analytics.weekday.1',
  2: 'analytics.weekday.2',
  3: 'analytics.weekday.3',
  4: 'analytics.weekday.4',
  5: 'analytics.weekday.5',
  6: 'analytics.weekday.6',
};

/** The cashier's name of a payment method type, or null to show it as the backend wrote it. */
export function methodKey(method: string | null): MessageKey | null {
  if (method === null || method === '') return 'analytics.method.unknown';
  if (method.toUpperCase() === 'CARD') return 'analytics.method.card';
  return methodLabelKey(method);
}

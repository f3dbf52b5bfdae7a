/** A neutral note after the cashier's own action (e.g. Esc withdrew the customer-scans QR): not an error. */
import { useI18n, type MessageKey } from '../../i18n/i18n';

export function CheckoutNotice({ message }: { message: MessageKey | null }) {
  const { t } = useI18n();
  if (!message) return null;
  return (
    <p className="banner banner--info" role="status" data-testid="checkout-notice">
      {t(message)}
    </p>
  );
}

/** Korean labels of the CSV export (an accounting file for Korean tools: Korean headers and values, code columns beside). */
import type { PaymentStatus, RefundStatus } from '../../contract';

export const PAYMENT_STATUS_KO: Record<PaymentStatus, string> = {
  created: '진행 중',
  ready_requested: '진행 중',
  ready: '진행 중',
  approve_requested: '진행 중',
  approved: '승인',
  failed: '실패',
  unknown: '확인 중',
};

export const REFUND_STATUS_KO: Record<RefundStatus, string> = {
  created: '취소 진행 중',
  cancel_requested: '취소 진행 중',
  cancelled: '취소 완료',
  failed: '취소 실패',
  unknown: '취소 확인 중',
};

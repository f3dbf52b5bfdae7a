/** Which simulator requests the wire hook reports, and as which payment step (issue 10, kills on the wire). */
import { describe, expect, it } from 'vitest';
import { wireStep } from '../../electron/simulator/wire-events';

describe('wireStep', () => {
  it.each([
    ['POST', '/pay', 'ready', 'oneqpay'],
    ['POST', '/pay/success', 'approve', 'oneqpay'],
    ['POST', '/pay/oneq/transfer/approve', 'approve', 'oneqpay'],
    ['POST', '/pay/cancel', 'cancel', 'oneqpay'],
    ['GET', '/pay/status?order_id=x', 'lookup', 'oneqpay'],
    ['POST', '/v1/payment/ready', 'ready', 'kakaopay'],
    ['POST', '/online/v1/payment/approve', 'approve', 'kakaopay'],
    ['POST', '/kakaopay/m/T123/approve', 'approve', 'kakaopay'],
    ['POST', '/online/v1/payment/cancel', 'cancel', 'kakaopay'],
    ['GET', '/v1/payment/order?cid=C&tid=T', 'lookup', 'kakaopay'],
    ['POST', '/online/v1/payment/order', 'lookup', 'kakaopay'],
  ])('%s %s is %s (%s)', (method, url, step, dialect) => {
    expect(wireStep(method, url)).toMatchObject({ step, dialect, method });
  });
  it.each([
    ['GET', '/pay'],
    ['POST', '/pay/store/token'],
    ['POST', '/pay/quit'],
    ['POST', '/wallet/api/customers'],
    ['GET', '/kakaopay/m/T123'],
    ['POST', '/sim/faults'],
  ])('%s %s is no payment step', (method, url) => {
    expect(wireStep(method, url)).toBeNull();
  });
});

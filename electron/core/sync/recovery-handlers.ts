/** What a core that started normally answers to the recovery methods (issue 14): nothing to recover. */
import type { Handlers } from '../router';
import type { recoveryMethods } from '../../../shared/contract-recovery';
import { PosError } from '../../../shared/domain/errors';

export const runningCoreRecoveryHandlers: Pick<Handlers, keyof typeof recoveryMethods> = {
  getLedgerRecovery: () => null,
  restoreLedger: () => {
    throw new PosError('LEDGER_NOT_LOST');
  },
};

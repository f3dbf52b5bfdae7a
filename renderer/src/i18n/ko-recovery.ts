/** issue 14: the restore screen shown when the ledger is lost (spread at the end of ko.ts). */
export const koRecovery = {
  'recovery.title': '결제 기록(원장) 복구',
  'recovery.lead': '이 단말기의 결제 기록에 문제가 있어 새 단말기로 시작하지 않았습니다. 판매 기록을 되살릴 방법을 골라 주세요.',
  'recovery.problem.missing': '원장 파일이 없습니다.',
  'recovery.problem.empty': '원장 파일이 비어 있습니다 (0바이트).',
  'recovery.problem.truncated': '원장 파일이 잘렸거나 손상되었습니다.',
  'recovery.problem.behind': '원장이 이 단말기가 기록한 것보다 뒤처져 있습니다 (-wal 파일이 사라졌을 수 있습니다).',
  'recovery.problem.behind_backup': '원장이 최신 백업보다 오래되었습니다.',
  'recovery.detail': '자세히',
  'recovery.fromHeadOffice': '본사에서 복구',
  'recovery.fromHeadOffice.hint': '본사에 보낸 이 단말기의 기록으로 원장을 다시 만듭니다. 본사에 보내지 못한 최근 기록은 없을 수 있습니다.',
  'recovery.fromHeadOffice.none': '이 단말기는 본사에 등록되어 있지 않습니다.',
  'recovery.fromBackup': '최신 백업에서 복구',
  'recovery.fromBackup.hint': '백업 파일 (결제 {n}건): {file}',
  'recovery.fromBackup.none': '백업이 없습니다.',
  'recovery.restoring': '복구하는 중…',
  'recovery.done': '복구했습니다: 결제 {payments}건, 기록 {events}건. 다시 시작합니다…',
} as const;

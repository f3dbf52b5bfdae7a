/** CSV 내보내기 of a range of Seoul days (the filter's): asks the core for the text, then downloads it. */
import { useState } from 'react';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { pos } from '../../api/pos';
import { ErrorText } from '../../components/ErrorText';
import { useI18n } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';
import { downloadText } from './csv-download';

export function CsvExportButton({ from, to }: { from: string; to: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ rows: number; fileName: string } | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const run = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const csv = await pos.exportCsv({ from, to });
      downloadText(csv.fileName, csv.text);
      setDone({ rows: csv.rows, fileName: csv.fileName });
    } catch (e) {
      setError(errorCodeOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="csv-export">
      <button type="button" className="btn btn--secondary" data-testid="csv-export" disabled={busy} title={t('csv.range', { from, to })} onClick={() => void run()}>
        {busy ? t('csv.exporting') : t('csv.export')}
      </button>
      {done && (
        <span className="csv-export__done muted" data-testid="csv-done" role="status">
          {t('csv.done', { rows: done.rows, file: done.fileName })}
        </span>
      )}
      <ErrorText code={error} testId="csv-error" />
    </div>
  );
}

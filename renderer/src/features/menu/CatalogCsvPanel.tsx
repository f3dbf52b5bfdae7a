/**
 * Catalog CSV: export (UTF-8 with BOM, or CP949 for Excel), import with a dry run first — every bad row
 * listed with its line, column and reason — and an import that writes all rows or none.
 */
import { useState } from 'react';
import type { CatalogCsvReport } from '../../../../shared/contract-catalog';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { pos } from '../../api/pos';
import { ErrorText } from '../../components/ErrorText';
import { useI18n } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';
import { downloadText } from '../history/csv-download';
import { catalogChanged } from './catalog-store';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function CatalogCsvPanel() {
  const { t, err } = useI18n();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [report, setReport] = useState<CatalogCsvReport | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async <T,>(f: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setError(null);
    try {
      return await f();
    } catch (e) {
      setError(errorCodeOf(e));
      return null;
    } finally {
      setBusy(false);
    }
  };
  const exportAs = (encoding: 'utf-8' | 'cp949') =>
    void run(async () => {
      const out = await pos.exportCatalogCsv({ encoding });
      downloadText(out.fileName, fromBase64(out.base64), encoding === 'utf-8' ? 'text/csv;charset=utf-8' : 'text/csv;charset=cp949');
    });
  const choose = async (f: File) => {
    const base64 = toBase64(new Uint8Array(await f.arrayBuffer()));
    setFile({ name: f.name, base64 });
    setReport(null);
    setReport(await run(() => pos.previewCatalogCsv({ base64 })));
  };
  const importNow = () =>
    void run(async () => {
      if (!file) return;
      const r = await pos.importCatalogCsv({ base64: file.base64 });
      setReport(r);
      if (r.written) await catalogChanged();
    });

  return (
    <section className="catalog-card" data-testid="catalog-csv">
      <h3>{t('catalog.csv')}</h3>
      <div className="catalog-row">
        <button type="button" className="btn btn--secondary" data-testid="catalog-export-utf8" disabled={busy} onClick={() => exportAs('utf-8')}>
          {t('catalog.csvExportUtf8')}
        </button>
        <button type="button" className="btn btn--secondary" data-testid="catalog-export-cp949" disabled={busy} onClick={() => exportAs('cp949')}>
          {t('catalog.csvExportCp949')}
        </button>
        <label className="btn btn--secondary">
          {t('catalog.csvChoose')}
          <input type="file" accept=".csv,text/csv" className="sr-only" data-testid="catalog-import-file" onChange={(e) => e.target.files?.[0] && void choose(e.target.files[0])} />
        </label>
      </div>
      <ErrorText code={error} testId="catalog-csv-error" />
      {report && (
        <div data-testid="catalog-csv-report" data-errors={report.errors.length} data-written={report.written}>
          <p>
            {file?.name} · {t('catalog.csvPreview', { rows: report.rows, encoding: report.encoding.toUpperCase(), created: report.created, updated: report.updated })}
          </p>
          {report.errors.length > 0 && (
            <>
              <p className="error-text" role="alert">
                {t('catalog.csvErrors', { count: report.errors.length })}
              </p>
              <table className="psales__table" data-testid="catalog-csv-errors">
                <tbody>
                  {report.errors.slice(0, 50).map((e, i) => (
                    <tr key={i}>
                      <td>{t('catalog.csvLine', { line: e.line })}</td>
                      <td>{e.column}</td>
                      <td>
                        {err(e.code)} <small className="muted">{e.detail}</small>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {report.written && <p role="status">✓ {t('catalog.csvImported', { rows: report.rows })}</p>}
          {!report.written && report.errors.length === 0 && (
            <button type="button" className="btn btn--primary" data-testid="catalog-import" disabled={busy} onClick={importNow}>
              {t('catalog.csvImport', { rows: report.rows })}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

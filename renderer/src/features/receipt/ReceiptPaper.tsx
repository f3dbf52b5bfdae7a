/**
 * The receipt text on a paper-like strip, `columns` cells wide. Printer columns are not font columns:
 * every line is exactly `columns` cells, a Hangul glyph (and any KS X 1001 symbol) takes two, ASCII one.
 * A CJK monospace font already draws Hangul two cells wide; each non-ASCII glyph is also boxed to its
 * printer width so that a symbol the font draws narrower (·, ×, ①) or a fallback font cannot shift a line.
 */
import type { ReactNode } from 'react';
import type { ReceiptPreviewView } from '../../../../shared/contract';
import { charWidth } from '../../../../shared/domain/receipt/display-width';
import { QrCode } from '../../components/QrCode';

function cells(line: string): ReactNode[] {
  const out: ReactNode[] = [];
  let ascii = '';
  let i = 0;
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x20 && cp < 0x7f) {
      ascii += ch;
      continue;
    }
    if (ascii) out.push(ascii);
    ascii = '';
    const w = charWidth(cp);
    out.push(
      w === 0 ? (
        ch
      ) : (
        <span key={i++} className={`receipt-paper__g receipt-paper__g--${w}`}>
          {ch}
        </span>
      ),
    );
  }
  if (ascii) out.push(ascii);
  return out;
}

/** A QR is drawn as the real code where its text placeholder ("[QR …]") stands; a barcode keeps its text line. */
export function ReceiptPaper({ columns, lines, codes = [], label }: { columns: number; lines: readonly string[]; codes?: ReceiptPreviewView['codes']; label: string }) {
  const qrAt = new Map(codes.filter((c) => c.symbology === 'qr').map((c) => [c.line, c.data]));
  return (
    <figure className="receipt-paper" data-testid="receipt-preview" data-columns={columns} aria-label={label}>
      <div className="receipt-paper__text" lang="ko" style={{ width: `${columns}ch` }}>
        {lines.map((l, n) => {
          const qr = qrAt.get(n);
          return qr !== undefined ? (
            <div key={n} className="receipt-paper__code">
              <QrCode text={qr} size={120} label={label} testId="receipt-qr" />
            </div>
          ) : (
            <div key={n} className="receipt-paper__line">
              {cells(l)}
            </div>
          );
        })}
      </div>
    </figure>
  );
}

/**
 * The receipt text on a paper-like strip, `columns` cells wide. Printer columns are not font columns:
 * every line is exactly `columns` cells, a Hangul glyph (and any KS X 1001 symbol) takes two, ASCII one.
 * A CJK monospace font already draws Hangul two cells wide; each non-ASCII glyph is also boxed to its
 * printer width so that a symbol the font draws narrower (·, ×, ①) or a fallback font cannot shift a line.
 */
import type { ReactNode } from 'react';
import { charWidth } from '../../../../shared/domain/receipt/display-width';

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

export function ReceiptPaper({ columns, lines, label }: { columns: number; lines: readonly string[]; label: string }) {
  return (
    <figure className="receipt-paper" data-testid="receipt-preview" data-columns={columns} aria-label={label}>
      <div className="receipt-paper__text" lang="ko" style={{ width: `${columns}ch` }}>
        {lines.map((l, n) => (
          <div key={n} className="receipt-paper__line">
            {cells(l)}
          </div>
        ))}
      </div>
    </figure>
  );
}

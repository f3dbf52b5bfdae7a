/**
 * Lays a receipt model out into physical lines of exact printer width, counting every Hangul/CJK
 * (every KS X 1001 double-byte) character as 2 columns in pairs, tables, wrapping, rules and
 * double-size text. Both the ESC/POS encoder and the text preview consume these lines.
 */
import { centerWidth, fitWidth, padEndWidth, padStartWidth, textWidth, wrapWidth } from './display-width';
import { toPrintable, type Substitution } from './ksx1001';
import type { Align, ReceiptBlock, ReceiptColumns, ReceiptModel, TableColumn, TextSize } from './receipt-model';

export type PrintLine =
  /** `text` is exactly columns / size columns wide (a size-2 character takes twice the paper). */
  | { type: 'text'; text: string; bold: boolean; size: TextSize }
  | { type: 'code'; symbology: 'qr' | 'code128'; data: string }
  | { type: 'cut'; partial: boolean };

export interface ReceiptLayout {
  columns: ReceiptColumns;
  lines: PrintLine[];
  /** Characters the printer cannot print and what was printed instead (ksx1001.ts). */
  substitutions: Substitution[];
}

function aligned(s: string, width: number, align: Align): string {
  const { head } = fitWidth(s, width);
  if (align === 'right') return padStartWidth(head, width);
  if (align === 'center') return centerWidth(head, width);
  return padEndWidth(head, width);
}

/** "label ...... value": the value right-aligned; a value too long wraps onto right-aligned lines. */
function pairLines(left: string, right: string, width: number): string[] {
  const lw = textWidth(left);
  const rw = textWidth(right);
  if (lw + 1 + rw <= width) return [left + ' '.repeat(width - lw - rw) + right];
  const room = width - lw - 1;
  // Beside the label when it wraps at spaces only; a long code (tid, order id) goes whole onto the next line.
  const wordFits = right.split(' ').every((w) => textWidth(w) <= room);
  if (room >= Math.min(12, Math.floor(width / 2)) && wordFits) {
    const parts = wrapWidth(right, room);
    return parts.map((part, i) => (i === 0 ? padEndWidth(left, lw + 1) : ' '.repeat(lw + 1)) + padStartWidth(part, room));
  }
  return [...wrapWidth(left, width).map((l) => padEndWidth(l, width)), ...wrapWidth(right, width).map((r) => padStartWidth(r, width))];
}

function tableLines(columns: readonly TableColumn[], header: readonly string[] | undefined, rows: readonly (readonly string[])[], width: number): { text: string; bold: boolean }[] {
  const all = header ? [header, ...rows] : rows;
  const widths = columns.map((c, i) => (c.width === 'flex' ? 0 : Math.max(c.width, ...all.map((r) => textWidth(r[i] ?? '')))));
  const flexAt = columns.findIndex((c) => c.width === 'flex');
  const fixed = widths.reduce((a, w) => a + w, 0) + (columns.length - 1);
  const flex = width - fixed;
  const out: { text: string; bold: boolean }[] = [];
  const emit = (cells: readonly string[], bold: boolean) => {
    if (flexAt >= 0 && flex < 6) {
      // Too narrow for a name column: the name on its own lines, the numbers under it.
      for (const l of wrapWidth(cells[flexAt] ?? '', width)) out.push({ text: padEndWidth(l, width), bold });
      const rest = columns.map((c, i) => (i === flexAt ? '' : aligned(cells[i] ?? '', widths[i]!, c.align))).filter((s) => s !== '');
      out.push({ text: padStartWidth(rest.join(' '), width), bold });
      return;
    }
    if (flexAt >= 0) widths[flexAt] = flex;
    const wrapped = flexAt >= 0 ? wrapWidth(cells[flexAt] ?? '', flex) : [];
    const n = Math.max(1, wrapped.length);
    for (let line = 0; line < n; line++) {
      const text = columns
        .map((c, i) => {
          if (i === flexAt) return aligned(wrapped[line] ?? '', flex, c.align);
          return line === 0 ? aligned(cells[i] ?? '', widths[i]!, c.align) : ' '.repeat(widths[i]!);
        })
        .join(' ');
      out.push({ text, bold });
    }
  };
  if (header) emit(header, true);
  for (const r of rows) emit(r, false);
  return out;
}

function blockLines(block: ReceiptBlock, columns: number, subs: Substitution[]): PrintLine[] {
  const p = (s: string) => toPrintable(s, subs);
  switch (block.type) {
    case 'text': {
      const size = block.size ?? 1;
      const width = Math.floor(columns / size);
      return wrapWidth(p(block.text), width).map((l) => ({ type: 'text', text: aligned(l, width, block.align), bold: !!block.bold, size }));
    }
    case 'pair': {
      const size = block.size ?? 1;
      const width = Math.floor(columns / size);
      return pairLines(p(block.left), p(block.right), width).map((text) => ({ type: 'text', text, bold: !!block.bold, size }));
    }
    case 'table':
      return tableLines(
        block.columns,
        block.header?.map(p),
        block.rows.map((r) => r.map(p)),
        columns,
      ).map(({ text, bold }) => ({ type: 'text', text, bold, size: 1 }));
    case 'rule':
      return [{ type: 'text', text: block.char.repeat(columns), bold: false, size: 1 }];
    case 'blank':
      return [{ type: 'text', text: ' '.repeat(columns), bold: false, size: 1 }];
    case 'code': {
      const data = block.symbology === 'code128' ? block.data.replace(/[^\x20-\x7e]/g, '') : block.data;
      return [{ type: 'code', symbology: block.symbology, data }];
    }
    case 'cut':
      return [{ type: 'cut', partial: block.partial }];
  }
}

export function layoutReceipt(model: ReceiptModel): ReceiptLayout {
  const substitutions: Substitution[] = [];
  const lines = model.blocks.flatMap((b) => blockLines(b, model.columns, substitutions));
  return { columns: model.columns, lines, substitutions };
}

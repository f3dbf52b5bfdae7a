/**
 * The receipt as plain text: what the UI previews and what the printer emulator reads back.
 * Every line is exactly `columns` display columns (Hangul = 2). Conventions for what plain text
 * cannot show: a double-size character is followed by as many spaces as its width (it takes twice
 * the paper); a QR or barcode is one centered line "[QR <data>]" / "[CODE128 <data>]"; a cut is a
 * line of "- - -" marked "(cut)" only when `showCut` is set.
 */
import { centerWidth, fitWidth, padEndWidth } from './display-width';
import type { ReceiptColumns } from './receipt-model';
import { buildPrintModel, type PrintInput } from './print-input';
import { layoutReceipt, type PrintLine, type ReceiptLayout } from './receipt-layout';
import type { Substitution } from './ksx1001';

export function doubleSizeText(text: string): string {
  let out = '';
  for (const ch of text) out += ch + (/[\x20-\x7e\u20a9]/.test(ch) ? ' ' : '  ');
  return out;
}

export function codePlaceholder(symbology: 'qr' | 'code128', data: string, columns: number): string {
  const label = `[${symbology === 'qr' ? 'QR' : 'CODE128'} ${data}]`;
  return centerWidth(fitWidth(label, columns).head, columns);
}

export function printLineText(line: PrintLine, columns: number, showCut = false): string | null {
  if (line.type === 'text') return padEndWidth(line.size === 2 ? doubleSizeText(line.text) : line.text, columns);
  if (line.type === 'code') return codePlaceholder(line.symbology, line.data, columns);
  return showCut ? centerWidth(line.partial ? '(partial cut)' : '(cut)', columns) : null;
}

/** The layout as text lines of exactly `columns` width. */
export function renderReceiptText(layout: ReceiptLayout, opts: { showCut?: boolean } = {}): string[] {
  const out: string[] = [];
  for (const l of layout.lines) {
    const t = printLineText(l, layout.columns, opts.showCut);
    if (t !== null) out.push(t);
  }
  return out;
}

/** A QR or barcode of the preview: `line` is its placeholder's index in `text` (the UI draws the real code there). */
export interface PreviewCode {
  line: number;
  symbology: 'qr' | 'code128';
  data: string;
}

export interface ReceiptPreview {
  columns: ReceiptColumns;
  /** Styled lines for the UI (render `text` in a monospace font where Hangul is 2 cells; size 2 = double). */
  lines: PrintLine[];
  /** The same as plain text, exactly `columns` wide: what prints. */
  text: string[];
  substitutions: Substitution[];
  codes: PreviewCode[];
}

/** Input → preview in one call: the UI's entry point. */
export function receiptPreview(input: PrintInput): ReceiptPreview {
  const layout = layoutReceipt(buildPrintModel(input));
  const text = renderReceiptText(layout);
  const codeLines = layout.lines.filter((l) => printLineText(l, layout.columns) !== null);
  const codes: PreviewCode[] = [];
  codeLines.forEach((l, i) => {
    if (l.type === 'code') codes.push({ line: i, symbology: l.symbology, data: l.data });
  });
  return { columns: layout.columns, lines: layout.lines, text, substitutions: layout.substitutions, codes };
}

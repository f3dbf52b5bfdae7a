/** Minimal self-contained HTML pages for the simulator (no external resources, strict CSP). */
import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
  body { font-family: system-ui, 'Apple SD Gothic Neo', 'Noto Sans KR', sans-serif; margin: 0; padding: 16px; background: #f4f6f8; color: #1b1f23; }
  main { max-width: 420px; margin: 0 auto; background: #fff; border-radius: 16px; padding: 20px; box-shadow: 0 1px 4px rgba(0,0,0,.08); }
  h1 { font-size: 1.2rem; margin: 0 0 12px; color: #008485; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: 6px 12px; margin: 0 0 16px; }
  dt { color: #5c6670; } dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
  .qr svg { width: 100%; max-width: 300px; display: block; margin: 0 auto; }
  .qr-text { font-family: ui-monospace, monospace; text-align: center; word-break: break-all; font-size: .95rem; margin: 8px 0; }
  .muted { color: #5c6670; font-size: .85rem; text-align: center; }
  nav { text-align: center; margin-top: 12px; } nav a { color: #008485; margin: 0 8px; }
  .methods a, .methods label { display: flow-root; padding: 10px 12px; margin: 6px 0; border: 1px solid #d6dde3; border-radius: 10px; color: inherit; text-decoration: none; }
  .methods a.on, .methods label.on { border-color: #008485; background: #e8f6f6; }
  .off { opacity: .55; } .warn { background: #fff4e5; border-radius: 8px; padding: 8px 10px; font-size: .9rem; }
  button { font: inherit; padding: 12px; width: 100%; border: 0; border-radius: 10px; background: #008485; color: #fff; margin-top: 8px; }
  button.secondary { background: #e3e8ec; color: #1b1f23; } input[type=password] { font: inherit; width: 100%; padding: 10px; box-sizing: border-box; }
`;

/** Sends a small Korean HTML page; `script` (optional) runs under a per-response nonce. */
export function sendPage(reply: FastifyReply, o: { title: string; body: string; script?: string; refreshSeconds?: number }): FastifyReply {
  const nonce = randomBytes(12).toString('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`;
  const refresh = o.refreshSeconds !== undefined ? `<meta http-equiv="refresh" content="${Math.max(1, Math.floor(o.refreshSeconds))}">` : '';
  const script = o.script ? `<script nonce="${nonce}">${o.script}</script>` : '';
  const html = `<!doctype html><html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${refresh}<title>${escapeHtml(o.title)}</title><style>${STYLE}</style></head><body><main>${o.body}</main>${script}</body></html>`;
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', csp)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .send(html);
}

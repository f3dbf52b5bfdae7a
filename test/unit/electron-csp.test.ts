/** Checklist point 7: one strict CSP (electron/core/csp.ts), the same in renderer/index.html. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSP } from '../../electron/core/csp';

const directives = (policy: string): Map<string, string[]> =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );

describe('Content-Security-Policy', () => {
  const csp = directives(CSP);
  it('scripts only from the app itself; WebAssembly may compile, JavaScript may not be eval-ed', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });
  it('no plugins, no <base>, no forms, not frameable; connections only to the app', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });
  it('no wildcard, no remote or insecure source anywhere', () => {
    for (const [name, values] of csp) {
      for (const v of values) {
        expect(v, name).not.toMatch(/^\*|^https?:|^ws:|^wss:|^file:|'unsafe-eval'|'unsafe-hashes'|'strict-dynamic'/);
        if (name === 'script-src') expect(v).not.toBe("'unsafe-inline'");
      }
    }
  });
  it('renderer/index.html carries the same policy (minus frame-ancestors, which a <meta> cannot set)', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const expected = new Map(csp);
    expected.delete('frame-ancestors');
    expect(directives(meta!)).toEqual(expected);
  });
});

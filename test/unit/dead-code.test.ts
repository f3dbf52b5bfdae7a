/**
 * Issue 10 §5: no dead code, and node-thermal-printer only where it serves (the comparison test and
 * the bench). A ts-prune-like scan: every name exported from the app's sources (electron/, shared/,
 * renderer/, headoffice/) must be used somewhere besides its own declaration (in the app, tests, bench or scripts).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const files = execFileSync('git', ['ls-files', 'electron', 'shared', 'renderer', 'headoffice', 'bench', 'scripts', 'test'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(ts|tsx|mts)$/.test(f));
const source = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
const EXPORT = /^export (?:declare )?(?:const|let|type|interface|function|async function|class|enum) ([A-Za-z_$][\w$]*)/gm;

/** Exported names used nowhere but at their declaration. */
function unusedExports(): string[] {
  const counts = new Map<string, number>();
  for (const text of source.values()) for (const w of text.match(/[A-Za-z_$][\w$]*/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  const out: string[] = [];
  for (const [file, text] of source) {
    if (!/^(electron|shared|renderer|headoffice)\//.test(file)) continue;
    for (const m of text.matchAll(EXPORT)) if ((counts.get(m[1]!) ?? 0) <= 1) out.push(`${file}: ${m[1]}`);
  }
  return out;
}

describe('dead code', () => {
  it('every exported name of the app is used somewhere', () => {
    expect(unusedExports()).toEqual([]);
  });

  it('the scan can fail: a name declared once is reported', () => {
    const name = ['never', 'Used', 'Probe', String(process.pid)].join(''); // spelt nowhere in the sources
    source.set('shared/zz-probe.ts', `export const ${name} = 1;\n`);
    try {
      expect(unusedExports()).toContain(`shared/zz-probe.ts: ${name}`);
    } finally {
      source.delete('shared/zz-probe.ts');
    }
  });
});

describe('node-thermal-printer', () => {
  it('is imported by no app source', () => {
    const users = [...source].filter(([f, t]) => /^(electron|shared|renderer)\//.test(f) && /from ['"]node-thermal-printer['"]|require\(['"]node-thermal-printer['"]\)/.test(t)).map(([f]) => f);
    expect(users).toEqual([]);
  });
});

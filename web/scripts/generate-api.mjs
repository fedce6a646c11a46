// Generates the TypeScript types of each service's API from its OpenAPI document (docs/openapi/<service>.json,
// kept in step with the running services by their contract tests) into src/api/generated/<service>.ts.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
export const documents = join(web, '..', 'docs', 'openapi');
export const generated = join(web, 'src', 'api', 'generated');

export async function services() {
  return (await readdir(documents)).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
}

export async function generate(service) {
  const document = JSON.parse(await readFile(join(documents, `${service}.json`), 'utf8'));
  const ast = await openapiTS(document, { enum: false, exportType: true, alphabetize: true });
  const source = `// Generated from docs/openapi/${service}.json by web/scripts/generate-api.mjs: do not edit.\n${astToString(ast)}`;
  await mkdir(generated, { recursive: true });
  await writeFile(join(generated, `${service}.ts`), source);
  return source;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const service of await services()) {
    await generate(service);
    console.log(`api: src/api/generated/${service}.ts`);
  }
}

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
  return (await readdir(documents))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

export async function generate(service) {
  const document = JSON.parse(await readFile(join(documents, `${service}.json`), 'utf8'));
  const ast = await openapiTS(document, { enum: false, exportType: true, alphabetize: true });
  const source = `// Generated from docs/openapi/${service}.json by web/scripts/generate-api.mjs: do not edit.\n${astToString(ast)}`;
  await mkdir(generated, { recursive: true });
  await writeFile(join(generated, `${service}.ts`), source);
  return source;
}

/**
 * The roles each operation admits, from every document's x-roles, as 'METHOD /path' keys (the paths as openapi-fetch
 * names them): what the console offers a person. The API still decides, by role and by scope.
 */
export async function generateRoles() {
  const lines = [];
  for (const service of await services()) {
    const document = JSON.parse(await readFile(join(documents, `${service}.json`), 'utf8'));
    for (const [path, operations] of Object.entries(document.paths ?? {})) {
      for (const [method, operation] of Object.entries(operations)) {
        if (Array.isArray(operation?.['x-roles'])) {
          lines.push(`  '${method.toUpperCase()} ${path}': [${operation['x-roles'].map((r) => `'${r}'`).join(', ')}],`);
        }
      }
    }
  }

  const source = [
    "// Generated from docs/openapi/*.json (each operation's x-roles) by web/scripts/generate-api.mjs: do not edit.",
    'export const operationRoles = {',
    ...lines.sort(),
    '} as const satisfies Record<string, readonly string[]>;',
    '',
    'export type Operation = keyof typeof operationRoles;',
    '',
  ].join('\n');
  await mkdir(generated, { recursive: true });
  await writeFile(join(generated, 'roles.ts'), source);
  return lines.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const service of await services()) {
    await generate(service);
    console.log(`api: src/api/generated/${service}.ts`);
  }

  console.log(`api: src/api/generated/roles.ts (${await generateRoles()} operations)`);
}

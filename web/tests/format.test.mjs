// The web client's code keeps one layout, as the C# does: Prettier's (web/.prettierrc.json, 160 columns). `./platform format`
// (or `npm run format` here) rewrites; this fails on a file out of shape and names it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const web = fileURLToPath(new URL('..', import.meta.url));
const generated = join(web, 'src', 'api', 'generated');

function* files(dir, pattern) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== generated && entry.name !== 'node_modules') yield* files(path, pattern);
    } else if (pattern.test(entry.name)) {
      yield path;
    }
  }
}

const written = [
  ...files(join(web, 'src'), /\.(ts|vue|css)$/),
  ...files(join(web, 'tests'), /\.mjs$/),
  ...files(join(web, 'scripts'), /\.mjs$/),
  ...readdirSync(web)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(web, name)),
];

test('the checks find the code they are meant to read', () => {
  assert.ok(written.length > 50, `only ${written.length} files found under ${web}`);
  assert.ok(!written.some((file) => file.startsWith(generated)), 'the generated API types are not ours to lay out');
});

test('every TypeScript, Vue, CSS and script file is laid out as Prettier lays it out', async () => {
  const options = await prettier.resolveConfig(join(web, 'src', 'main.ts'));
  assert.equal(options?.printWidth, 160, 'web/.prettierrc.json sets the width the C# keeps');
  const unformatted = [];
  for (const file of written) {
    const config = await prettier.resolveConfig(file);
    if (!(await prettier.check(readFileSync(file, 'utf8'), { ...config, filepath: file }))) unformatted.push(relative(web, file));
  }
  assert.deepEqual(unformatted, [], `not formatted (run ./platform format): ${unformatted.join(', ')}`);
});

test('the check fails on a file out of shape (it is not a check that cannot fail)', async () => {
  const config = await prettier.resolveConfig(join(web, 'src', 'main.ts'));
  assert.equal(await prettier.check('const  x = {a:1}\n', { ...config, filepath: 'x.ts' }), false);
});

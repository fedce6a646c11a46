// Lighthouse on the phone app (./platform bench phone): each page three times on an emulated phone with Debian's
// chromium, the median of each category's score and of the main timings, written as a Markdown table.
// Usage: node scripts/lighthouse.mjs <gateway URL> <output.md>
// Lighthouse comes from npm at the pinned version through npx, so the project's own install stays lean.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, output] = process.argv.slice(2);
if (!base || !output) throw new Error('usage: node scripts/lighthouse.mjs <gateway URL> <output.md>');
const version = '13.5.0';
const runs = 3;
// The pages a person sees before signing in (Lighthouse cannot sign in): the sign-up page, and the app's entry,
// which sends a person who is not signed in to the Organization service's sign-in page.
const pages = ['/m/sign-up', '/m/'];
const categories = ['performance', 'accessibility', 'best-practices'];
const timings = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift'];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const folder = mkdtempSync(join(tmpdir(), 'lighthouse-'));

const rows = [];
for (const page of pages) {
  const reports = [];
  for (let run = 0; run < runs; run++) {
    const path = join(folder, `${run}.json`);
    execFileSync(
      'npx',
      [
        '--yes',
        `lighthouse@${version}`,
        `${base}${page}`,
        '--quiet',
        '--output=json',
        `--output-path=${path}`,
        '--form-factor=mobile',
        `--only-categories=${categories.join(',')}`,
        '--chrome-flags=--headless=new --no-sandbox',
      ],
      { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' } },
    );
    reports.push(JSON.parse(readFileSync(path, 'utf8')));
  }

  const scores = categories.map((c) => Math.round(100 * median(reports.map((r) => r.categories[c].score))));
  const times = timings.map((a) => median(reports.map((r) => r.audits[a].numericValue)));
  const failing = [
    ...new Set(
      reports.flatMap((r) =>
        Object.values(r.audits)
          .filter((a) => a.scoreDisplayMode === 'binary' && a.score === 0)
          .map((a) => a.title),
      ),
    ),
  ];
  rows.push({ page, scores, times, failing });
  console.log(`${page}: ${categories.map((c, i) => `${c} ${scores[i]}`).join(', ')}`);
}

const ms = (v) => `${Math.round(v)} ms`;
const lines = [
  '# Phone app: Lighthouse',
  '',
  `Lighthouse ${version}, mobile form factor (its emulated phone and throttled network and CPU), ${runs} runs per page, medians.`,
  'Pages before signing in, as a new resident first sees them, served by the gateway as `./platform run` starts the suite.',
  '',
  `| Page | ${categories.join(' | ')} | FCP | LCP | TBT | CLS |`,
  `|---|${categories.map(() => '---:').join('|')}|---:|---:|---:|---:|`,
  ...rows.map((r) => `| \`${r.page}\` | ${r.scores.join(' | ')} | ${ms(r.times[0])} | ${ms(r.times[1])} | ${ms(r.times[2])} | ${r.times[3].toFixed(3)} |`),
  '',
  'Audits that failed in a run:',
  '',
  ...rows.map((r) => `- \`${r.page}\`: ${r.failing.length ? r.failing.join('; ') : 'none'}`),
  '`/m/` is measured where it lands for a stranger: the sign-in page (served by the Organization service).',
  '',
];
writeFileSync(output, lines.join('\n'));
const poor = rows.filter((r) => r.scores[1] < 90);
if (poor.length) {
  console.error(`accessibility under 90: ${poor.map((r) => r.page).join(', ')}`);
  process.exit(1);
}

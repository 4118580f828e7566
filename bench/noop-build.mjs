// The no-op build every `pulumi preview` and `pulumi up` pays before the program runs (issue #17): `dotnet build` of
// infra/ when nothing changed, as the dotnet language host builds the program, timed over several runs, with the
// plugin project's share of it (MSBuild's performance summary). Then the same after touching every input of the
// plugin without changing it, as a fresh checkout onto a restored cache of artifacts/plugin/ does: the plugin
// project hashes its inputs, finds the key it was built from and builds nothing.
//
//   node bench/noop-build.mjs [--runs 5]
//
// Prints {runs, median, p10, p90, plugin: {median}, touched: {median, plugin}} in ms, or {skipped} when the program
// does not build here (the Pulumi packages do not restore on every machine).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const build = () => spawnSync('dotnet', ['build', 'infra', '-nologo', '-v:q', '-clp:PerformanceSummary'], { encoding: 'utf8' });
// "   1021 ms  /…/src/EntraDevices.Plugin/EntraDevices.Plugin.proj   1 calls" in the project summary (MSBuild lists
// the project once per way it was entered; the share is their sum).
const pluginShare = (output) => [...output.matchAll(/^\s*(\d+) ms\s+\S*EntraDevices\.Plugin\.proj\s/gm)]
  .reduce((sum, match) => sum + Number(match[1]), 0);

const first = build();
if (first.status !== 0) {
  const reason = /error [A-Z]+\d+: [^\n]{0,160}/.exec(first.stdout + first.stderr)?.[0] ?? `dotnet build infra exited ${first.status}`;
  console.log(JSON.stringify({ skipped: `infra/ does not build here (${reason})` }));
  process.exit(0);
}

const timed = () => {
  const started = process.hrtime.bigint();
  const run = build();
  if (run.status !== 0) throw new Error(`dotnet build infra failed:\n${run.stdout}${run.stderr}`);
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, plugin: pluginShare(run.stdout) };
};
const quantiles = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p10: at(0.1), p90: at(0.9) };
};

const runs = Array.from({ length: Number(values.runs) }, timed);

const inputs = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'bin' || entry.name === 'obj') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else inputs.push(full);
  }
};
walk('src/EntraDevices.Provider');
walk('src/EntraDevices.Graph');
const touched = [];
for (let i = 0; i < Number(values.runs); i++) {
  const now = new Date();
  for (const file of inputs) utimesSync(file, now, now);
  touched.push(timed());
}
if (!existsSync('artifacts/plugin/.built')) throw new Error('the builds left no artifacts/plugin/.built: the plugin project did not run');

console.log(JSON.stringify({
  runs: runs.length,
  ...quantiles(runs.map((r) => r.ms)),
  plugin: quantiles(runs.map((r) => r.plugin)),
  touched: { runs: touched.length, ...quantiles(touched.map((r) => r.ms)), plugin: quantiles(touched.map((r) => r.plugin)) },
}));

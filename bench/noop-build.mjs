// The no-op build every `pulumi preview` and `pulumi up` pays before the program runs (issue #17): `dotnet build` of
// infra/ when nothing changed, as the dotnet language host builds the program, timed over several runs.
//
//   node bench/noop-build.mjs [--runs 5]
//
// Prints {runs, median, p10, p90} in ms, or {skipped} when the program does not build here (the Pulumi packages do
// not restore on every machine).
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const build = () => spawnSync('dotnet', ['build', 'infra', '-nologo', '-v:q', '-clp:ErrorsOnly'], { encoding: 'utf8' });

const first = build();
if (first.status !== 0) {
  const reason = /error [A-Z]+\d+: [^\n]{0,160}/.exec(first.stdout + first.stderr)?.[0] ?? `dotnet build infra exited ${first.status}`;
  console.log(JSON.stringify({ skipped: `infra/ does not build here (${reason})` }));
  process.exit(0);
}

const times = [];
for (let i = 0; i < Number(values.runs); i++) {
  const started = process.hrtime.bigint();
  const run = build();
  if (run.status !== 0) throw new Error(`dotnet build infra failed on run ${i + 1}`);
  times.push(Number(process.hrtime.bigint() - started) / 1e6);
}
times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
console.log(JSON.stringify({ runs: times.length, median: at(0.5), p10: at(0.1), p90: at(0.9) }));

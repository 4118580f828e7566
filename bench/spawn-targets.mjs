// Holds one spawn-timing.mjs result to #17's start-up targets for the default plugin: ≤ 0.2× the Node.js host and,
// where the empty Pulumi .NET provider was measured, ≤ 0.75× of it. Used by the pull-request workflow on Linux, macOS
// and Windows runners (bench/run.sh has the full table, on Linux).
//
//   node bench/spawn-targets.mjs <spawn.json>     (labels: node, default, and optionally empty)
//
// Prints a markdown table (for $GITHUB_STEP_SUMMARY); exits 1 when a target is missed.
import { readFileSync } from 'node:fs';

const spawn = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const { node, empty, default: plugin } = spawn;
if (!node || !plugin) {
  console.error('spawn-targets.mjs: the result needs the labels "node" and "default"');
  process.exit(2);
}
const ms = (s) => `${s.median.toFixed(1)} ms (p10 ${s.p10.toFixed(1)}, p90 ${s.p90.toFixed(1)})`;
const checks = [['≤ 0.2× the Node.js host', plugin.median / node.median, 0.2]];
if (empty) checks.push(['≤ 0.75× the empty Pulumi .NET provider', plugin.median / empty.median, 0.75]);

console.log('| candidate | spawn → port |\n|---|---|');
console.log(`| Node.js dynamic-provider host | ${ms(node)} |`);
if (empty) console.log(`| empty provider on Pulumi's .NET provider SDK | ${ms(empty)} |`);
console.log(`| the default plugin (artifacts/plugin) | ${ms(plugin)} |\n`);
console.log('| target | ratio | |\n|---|---|---|');
let missed = 0;
for (const [target, ratio, limit] of checks) {
  const met = ratio <= limit;
  if (!met) missed++;
  console.log(`| ${target} | ${ratio.toFixed(2)}× | ${met ? 'met' : '**not met**'} |`);
}
process.exit(missed === 0 ? 0 : 1);

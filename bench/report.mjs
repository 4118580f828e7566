// Turns the measurements bench/run.sh collected into its one markdown table (stdout).
//
//   node bench/report.mjs <dir>
//
// <dir> holds spawn.json (spawn-timing.mjs), ops-<variant>.json (provider-ops.mjs), cycles-<variant>.json (update-cycles.mjs), devices-<variant>.json
// (device-ops.mjs), noop-build.json (noop-build.mjs), bdn-summary.tsv
// (EntraDevices.Benchmarks --summary-file), variants.json ({variant: {label, short, path, native?, isDefault?}}),
// empty.json ({path} or {skipped: why}: the empty Pulumi .NET provider) and meta.json (the caption).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const read = (name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
const spawn = read('spawn.json');
const variants = read('variants.json');
const meta = read('meta.json');
const ops = Object.fromEntries(Object.keys(variants)
  .filter((v) => existsSync(path.join(dir, `ops-${v}.json`)))
  .map((v) => [v, read(`ops-${v}.json`)]));
const bdn = Object.fromEntries(readFileSync(path.join(dir, 'bdn-summary.tsv'), 'utf8').trim().split('\n')
  .map((line) => line.split('\t'))
  .map(([name, median, p10, p90, allocated]) => [name, { median: Number(median), p10: Number(p10), p90: Number(p90), allocated: Number(allocated) }]));

const rows = [];
const row = (measure, result, target, met) => rows.push([measure, result, target, met]);
const verdict = (ok) => (ok ? 'met' : '**not met**');
const ms = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const spread = (s) => `${ms(s.median)} ms (p10 ${ms(s.p10)}, p90 ${ms(s.p90)})`;
const time = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${(ns / 1e3).toFixed(1)} µs`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

// --- spawn -> port ------------------------------------------------------------------------------------------
// #17's targets are for the default path only (the plugin building the program leaves at Pulumi.yaml's path):
// ≤ 0.2× the Node.js host and ≤ 0.75× an empty provider on Pulumi's .NET provider SDK, in the same run.
const node = spawn.node;
const empty = read('empty.json');
const emptyRun = spawn.empty;
const target = `≤ 0.2× Node (≤ ${ms(node.median * 0.2)} ms)${emptyRun ? ` and ≤ 0.75× empty .NET provider (≤ ${ms(emptyRun.median * 0.75)} ms)` : ''}`;
row(`Spawn → port: Node.js dynamic-provider host (\`@pulumi/pulumi\` ${meta.pulumiVersion}), ${node.runs} runs`, spread(node), 'reference', '—');
row(`Spawn → port: empty provider on Pulumi's .NET provider SDK (bench/EmptyPulumiProvider, Release)${emptyRun ? `, ${emptyRun.runs} runs` : ''}`,
  emptyRun ? `${spread(emptyRun)} = ${(emptyRun.median / node.median).toFixed(2)}× Node` : `skipped: ${empty.skipped}`, 'reference', '—');
for (const [variant, info] of Object.entries(variants)) {
  const s = spawn[variant];
  const ratio = s.median / node.median;
  const versusEmpty = emptyRun ? `, **${(s.median / emptyRun.median).toFixed(2)}×** empty .NET provider` : '';
  row(`Spawn → port: ours, ${info.label}, ${s.runs} runs`, `${spread(s)} = **${ratio.toFixed(2)}×** Node${versusEmpty}`,
    info.isDefault ? target : 'for comparison',
    info.isDefault ? verdict(ratio <= 0.2 && (!emptyRun || s.median <= emptyRun.median * 0.75)) + (emptyRun ? '' : ' (Node only: no empty .NET provider here)') : '—');
}
for (const [key, s] of Object.entries(spawn)) {
  const whatIf = /^(.*)-nowatch$/.exec(key);
  if (!whatIf) continue;
  row(`Spawn → port, what-if: ${variants[whatIf[1]].label} with ASP.NET's config-reload watcher off¹`,
    `${spread(s)} = ${(s.median / node.median).toFixed(2)}× Node`, 'not how the engine launches it', '—');
}

// --- in-process (BenchmarkDotNet) ---------------------------------------------------------------------------
const pair = (rpc, resource) =>
  `${time(bdn[rpc].median)} via the gRPC method, ${time(bdn[resource].median)} in the resource; ${kb(bdn[rpc].allocated)} allocated`;
row('Check, in-process (full policy, 10 groups), median', pair('Check (gRPC method)', 'Check (resource)'), '≤ 1 ms',
  verdict(bdn['Check (gRPC method)'].median <= 1e6 && bdn['Check (resource)'].median <= 1e6));
row('Diff, in-process (state vs a change of quota and one group), median', pair('Diff (gRPC method)', 'Diff (resource)'), '≤ 1 ms',
  verdict(bdn['Diff (gRPC method)'].median <= 1e6 && bdn['Diff (resource)'].median <= 1e6));
const update = bdn['Update GET+PUT (gRPC method, emulator)'];
row('Update (GET + PUT), in-process against the Graph emulator, median', `${time(update.median)}; ${kb(update.allocated)} allocated`, 'reported', '—');

for (const devices of [500, 1000, 10000]) {
  const both = bdn[`AutopilotDevices: Check + Diff of a CSV with 10 rows changed [Devices=${devices}]`];
  if (!both) continue;
  row(`AutopilotDevices, ${devices} devices (4 KB hashes): Check + Diff in the resource, 10 rows changed, median`,
    `${time(both.median)}; ${kb(both.allocated)} allocated`, devices === 10000 ? '≤ 1 s' : 'reported', devices === 10000 ? verdict(both.median <= 1e9) : '—');
}

// --- Graph requests per operation (the real process over gRPC) ----------------------------------------------
const targets = {
  preview: [0, 'preview: Check + Create(preview)'],
  'preview (update)': [0, 'preview of a change: Check + Diff + Update(preview)'],
  'up/create': [2, 'up, create: Check + Create (adopts)'],
  'up/update': [2, 'up, update: Check + Diff + Update'],
  refresh: [1, 'refresh: Read with state'],
  import: [1, 'import: Read with only the id'],
  destroy: [2, 'destroy: Delete (restores declared fields)'],
};
const measured = Object.keys(ops);
for (const [op, [target, what]] of Object.entries(targets)) {
  const counts = measured.map((v) => ops[v].operations[op]);
  const same = counts.every((c) => c.requests.join() === counts[0].requests.join());
  const calls = counts[0].requests.map((r) => r.split(' ')[0]).join(' + ') || 'none';
  const result = same
    ? `${counts[0].graphRequests} (${calls}), ${measured.length === 1 ? variants[measured[0]].label : `alike for ${measured.map((v) => variants[v].short).join(', ')}`}`
    : measured.map((v) => `${variants[v].short}: ${ops[v].operations[op].graphRequests}`).join(', ');
  row(`Graph requests, ${what}`, result, `${target}`, verdict(counts.every((c) => c.graphRequests === target)));
}
row('Update and destroy through the process write what was declared (tenant and outputs checked)',
  measured.every((v) => ops[v].writesVerified) ? `yes (${measured.map((v) => variants[v].short).join(', ')})` : 'no', 'yes',
  verdict(measured.every((v) => ops[v].writesVerified)));
const lazy = measured.filter((v) => !variants[v].native);
if (lazy.length > 0) {
  const loaded = lazy.flatMap((v) => [...ops[v].graphAssembliesAfterConfigure, ...ops[v].graphAssembliesAfterPreview]);
  row('Graph SDK / Azure.Identity assemblies mapped after Configure and a preview',
    loaded.length === 0 ? `none (${lazy.map((v) => variants[v].short).join(', ')}); ${ops[lazy[0]].graphAssembliesAtEnd.length} after the first Graph call` : [...new Set(loaded)].join(', '),
    'none', verdict(loaded.length === 0));
}

// --- Memory under load: update cycles in one process (issue #24, 14) ----------------------------------------------
for (const v of Object.keys(variants).filter((name) => existsSync(path.join(dir, `cycles-${name}.json`)))) {
  const cycles = read(`cycles-${v}.json`);
  row(`Resident memory over ${cycles.cycles} update cycles of the policy in one process, ${variants[v].short} (VmRSS every 25 cycles)`,
    `${cycles.curve.map((p) => p.rssMb).join(' → ')} MB: +${cycles.growthFrom50Mb} MB from cycle 50`, `≤ +${cycles.targetMb} MB from cycle 50`, verdict(cycles.met));
}

// --- AutopilotDevices at scale (the real process over gRPC) ---------------------------------------------------
const devices = Object.fromEntries(Object.keys(variants)
  .filter((v) => existsSync(path.join(dir, `devices-${v}.json`)))
  .map((v) => [v, read(`devices-${v}.json`).results]));
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
for (const [v, results] of Object.entries(devices)) {
  for (const r of results) {
    const label = `AutopilotDevices, ${r.size} devices, ${variants[v].short}`;
    const create = r.operations['up/create'];
    const kinds = create.byKind;
    const imports = kinds['POST importedWindowsAutopilotDeviceIdentities/import'] ?? 0;
    const polls = kinds['GET importedWindowsAutopilotDeviceIdentities'] ?? 0;
    const deletes = kinds['DELETE importedWindowsAutopilotDeviceIdentities/{id}'] ?? 0;
    const chunks = Math.ceil(r.size / 500);
    if (v === 'build' || r.size === 10000) {
      row(`${label}: preview of a change of 10 rows over gRPC (Check + Diff)`, `${r.operations['preview (update)'].ms} ms, ${r.operations['preview (update)'].graphRequests} Graph requests`,
        r.size === 10000 ? '≤ 1 s, 0 requests' : '0 requests',
        verdict(r.operations['preview (update)'].graphRequests === 0 && (r.size !== 10000 || r.operations['preview (update)'].ms <= 1000)));
      row(`${label}: Graph requests of the first up`, `${create.graphRequests}: ${imports} imports + ${polls} poll pages + ${deletes} import-record DELETEs + ${kinds['POST windowsAutopilotSettings/sync'] ?? 0} sync (${(create.ms / 1000).toFixed(1)} s, write limits off)`,
        `the chunk count (${chunks}) plus polling, not per device`,
        imports === chunks && deletes === 0 ? 'met' : `imports and polls met; **not met** for the ${deletes} DELETEs (Graph has no bulk delete of import records)`);
      const update = r.operations['up/update'];
      row(`${label}: Graph requests of an up that changes 10 rows (group tags)`, `${update.graphRequests} (${Object.entries(update.byKind).map(([k, n]) => `${n} ${k.split(' ')[1].split('/').at(-1)}`).join(', ')})`,
        'about 10, plus polls', verdict(update.graphRequests <= 12));
      row(`${label}: state written for the resource (inputs and outputs, JSON indented by 4)`, mb(r.stateBytes), r.size === 10000 ? '≤ 2 MB' : 'reported',
        r.size === 10000 ? verdict(r.stateBytes <= 2 * 1024 * 1024) : '—');
    }
    row(`${label}: peak RSS of the provider (VmHWM) after the first up and the update`, `${r.peakRssMb.toFixed(1)} MB`, '≤ 200 MB', verdict(r.peakRssMb <= 200));
  }
}

// --- memory and cold first call ------------------------------------------------------------------------------
for (const [v, info] of Object.entries(variants)) {
  const o = ops[v];
  row(`Peak RSS after an update (VmHWM): ${info.label}`, `${o.peakRssAfterUpdateMb.toFixed(1)} MB (anon ${o.rssAnonAfterUpdateMb.toFixed(1)}, file ${o.rssFileAfterUpdateMb.toFixed(1)})`,
    info.isDefault ? '≤ 80 MB' : 'for comparison', info.isDefault ? verdict(o.peakRssAfterUpdateMb <= 80) : '—');
}
if (existsSync(path.join(dir, 'noop-build.json'))) {
  const noop = read('noop-build.json');
  row(`No-op \`dotnet build infra\` (what every pulumi preview and up pays before the program runs)${noop.skipped ? '' : `, ${noop.runs} runs`}`,
    noop.skipped ? `skipped: ${noop.skipped}` : `${spread(noop)}; the plugin's share ${ms(noop.plugin.median)} ms (it builds nothing)`,
    'reported; the plugin\'s share ≤ 100 ms', noop.skipped ? '—' : verdict(noop.plugin.median <= 100));
  if (!noop.skipped) {
    row(`The same after touching every input of the plugin without changing it (a fresh checkout onto a cached artifacts/plugin/), ${noop.touched.runs} runs`,
      `${spread(noop.touched)}; the plugin's share ${ms(noop.touched.plugin.median)} ms (hashes its inputs, builds nothing)`,
      'reported (once per fresh checkout)', '—');
  }
}
row('First up/create over gRPC (cold: first Graph call of the process)',
  measured.map((v) => `${variants[v].short} ${ms(ops[v].operations['up/create'].ms)} ms`).join(', '), 'reported', '—');

// --- print ------------------------------------------------------------------------------------------------
const escape = (cell) => String(cell).replace(/\|/g, '\\|');
console.log(`${meta.caption}\n`);
console.log('| measure | result | target | |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.map(escape).join(' | ')} |`);
if (Object.keys(spawn).some((key) => key.endsWith('-nowatch'))) {
  console.log('\n¹ `DOTNET_hostBuilder__reloadConfigOnChange=false`: ASP.NET Core\'s reload watcher of appsettings files, off. '
    + 'ProviderHost\'s content root is the plugin\'s own folder (`AppContext.BaseDirectory`), not the Pulumi project, so the '
    + 'watcher has almost nothing to walk; this row shows what turning it off as well would save.');
}

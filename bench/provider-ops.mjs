// Graph requests per operation, RPC latency and peak RSS of the real provider process.
//
//   node bench/provider-ops.mjs --provider <executable> --emulator <GraphEmulator.dll>
//
// Launches the provider as the engine does (a fake engine's address last), configures it against the Graph
// emulator, and drives one DeviceRegistrationPolicy through the engine's RPC sequences with the gRPC client
// that @pulumi/pulumi publishes (proto/*_pb.js). Graph requests are counted with the emulator's request log
// (GET /_emulator/requests), cleared before each operation. Peak RSS is VmHWM of /proc/<pid>/status, read
// right after the update. Prints one JSON object.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pb, SECRET, SECRET_SIG, children, fromStruct, memory, resourceRequest, startEmulator, startEngine, startProvider, toStruct, token } from './lib/harness.mjs';

const { values } = parseArgs({ options: { provider: { type: 'string' }, emulator: { type: 'string' } } });
if (!values.provider || !values.emulator) {
  console.error('usage: provider-ops.mjs --provider <executable> --emulator <GraphEmulator.dll>');
  process.exit(2);
}

const TYPE = 'entradevices:index:DeviceRegistrationPolicy';
const URN = `urn:pulumi:bench::entra-device-settings::${TYPE}::policy`;
const ID = 'deviceRegistrationPolicy';

// The realistic declaration the in-process benchmarks use too: every writable field but azureADRegistration
// (Entra locks it wherever Intune is on, as in the emulator's seed tenant), join limited to 10 groups.
const GROUPS = Array.from({ length: 10 }, (_, i) => `6f1c2d3e-4a5b-4c6d-8e7f-${String(i + 1).padStart(12, '0')}`);
const declared = (quota, groups) => ({
  userDeviceQuota: quota,
  multiFactorAuthConfiguration: 'required',
  azureADJoin: {
    allowedToJoin: { scope: 'selected', users: [], groups },
    localAdmins: { enableGlobalAdmins: true, registeringUsers: { scope: 'none', users: [], groups: [] } },
  },
  localAdminPassword: { isEnabled: true },
  onDestroy: 'restoreOriginal',
});

/** Graph SDK and Identity assemblies mapped into the process (none before the first Graph call, if lazy). */
function graphAssemblies(pid) {
  const names = readFileSync(`/proc/${pid}/maps`, 'utf8').split('\n')
    .map((line) => /\/((?:Microsoft\.Graph|Microsoft\.Kiota|Azure\.Identity|Azure\.Core|Microsoft\.Identity)[^/]*\.dll)$/.exec(line)?.[1])
    .filter(Boolean);
  return [...new Set(names)].sort();
}

const engine = await startEngine();
const emulator = await startEmulator(values.emulator);
const graph = emulator.baseUrl;
const control = (method, route) => emulator.control(method, route);
const provider = await startProvider(values.provider, engine.address);
const { spawnToPortMs, rpc } = provider;

const request = (Type, fields) => resourceRequest(Type, { urn: URN, type: TYPE, name: 'policy' }, fields);
const check = async (news, olds = {}) => {
  const response = await rpc('check', request(pb.CheckRequest, { setOlds: toStruct(olds), setNews: toStruct(news), setRandomseed: new Uint8Array(32) }));
  const failures = response.getFailuresList().map((f) => `${f.getProperty()}: ${f.getReason()}`);
  if (failures.length > 0) throw new Error(`Check failed: ${failures.join('; ')}`);
  return fromStruct(response.getInputs());
};
const diff = async (olds, news, oldInputs) => {
  const response = await rpc('diff', request(pb.DiffRequest, { setId: ID, setOlds: toStruct(olds), setNews: toStruct(news), setOldInputs: toStruct(oldInputs) }));
  return response.getDiffsList();
};
const create = async (properties, preview) =>
  fromStruct((await rpc('create', request(pb.CreateRequest, { setProperties: toStruct(properties), setPreview: preview }))).getProperties());
const update = async (olds, news, oldInputs, preview) =>
  fromStruct((await rpc('update', request(pb.UpdateRequest, { setId: ID, setOlds: toStruct(olds), setNews: toStruct(news), setOldInputs: toStruct(oldInputs), setPreview: preview }))).getProperties());
const read = async (properties, inputs) => {
  const response = await rpc('read', request(pb.ReadRequest, { setId: ID, setProperties: toStruct(properties), setInputs: toStruct(inputs) }));
  return { properties: fromStruct(response.getProperties()), inputs: fromStruct(response.getInputs()) };
};
const destroy = (properties, oldInputs) =>
  rpc('delete', request(pb.DeleteRequest, { setId: ID, setProperties: toStruct(properties), setOldInputs: toStruct(oldInputs) }));

/** Runs one operation with an empty request log; returns its result, Graph requests and wall time. */
const operations = {};
async function operation(name, body) {
  await control('DELETE', 'requests');
  const started = process.hrtime.bigint();
  const result = await body();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const requests = (await control('GET', 'requests')).map((r) => `${r.method} ${r.status}`);
  operations[name] = { graphRequests: requests.length, requests, ms: Math.round(ms * 100) / 100 };
  return result;
}

try {
  await provider.configure({ graphEndpoint: graph, accessToken: { [SECRET_SIG]: SECRET, value: token(['Policy.ReadWrite.DeviceConfiguration']) } });
  const loadedAfterConfigure = graphAssemblies(provider.child.pid);

  const first = declared(20, GROUPS);
  const second = declared(25, [...GROUPS.slice(1), '6f1c2d3e-4a5b-4c6d-8e7f-0000000000aa']);

  // pulumi preview of a new stack: Check, then Create with preview=true.
  await operation('preview', async () => create(await check(first), true));
  const loadedAfterPreview = graphAssemblies(provider.child.pid);
  // pulumi up, first time: Check, Create (adopts: GET, then PUT).
  const inputs1 = await check(first);
  const outputs1 = await operation('up/create', async () => create(await check(first), false));
  // pulumi preview of a change: Check, Diff, Update with preview=true.
  await operation('preview (update)', async () => {
    const news = await check(second, inputs1);
    await diff(outputs1, news, inputs1);
    return update(outputs1, news, inputs1, true);
  });
  // pulumi up with a change: Check, Diff, Update (GET, then PUT).
  const inputs2 = await check(second, inputs1);
  const outputs2 = await operation('up/update', async () => {
    const news = await check(second, inputs1);
    const changed = await diff(outputs1, news, inputs1);
    if (changed.length === 0) throw new Error('Diff found no change for the update');
    return update(outputs1, news, inputs1, false);
  });
  const afterUpdate = memory(provider.child.pid);
  // The write must have gone through the SDK's serializer and back (the Native AOT question): the tenant and
  // the outputs hold the declared change, and the original settings are kept.
  const live = (await control('GET', 'tenant')).deviceRegistrationPolicy;
  const problems = [];
  const expect = (what, actual, wanted) => { if (JSON.stringify(actual) !== JSON.stringify(wanted)) problems.push(`${what}: ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`); };
  expect('tenant userDeviceQuota', live.userDeviceQuota, second.userDeviceQuota);
  expect('tenant allowedToJoin.groups', [...(live.azureADJoin.allowedToJoin.groups ?? [])].sort(), [...second.azureADJoin.allowedToJoin.groups].sort());
  expect('tenant multiFactorAuthConfiguration', live.multiFactorAuthConfiguration, 'required');
  expect('tenant localAdminPassword.isEnabled', live.localAdminPassword.isEnabled, true);
  expect('outputs userDeviceQuota', outputs2.userDeviceQuota, second.userDeviceQuota);
  expect('outputs originalSettings.userDeviceQuota', outputs2.originalSettings?.userDeviceQuota, outputs1.originalSettings?.userDeviceQuota);
  if (process.env.BENCH_SMAPS) {
    // Diagnostics: the largest resident mappings after the update.
    const rows = [];
    let current;
    for (const line of readFileSync(`/proc/${provider.child.pid}/smaps`, 'utf8').split('\n')) {
      const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
      if (head) { current = { name: head[1] || '[anon]', rss: 0 }; rows.push(current); continue; }
      const rss = /^Rss:\s+(\d+) kB/.exec(line);
      if (rss && current) current.rss += Number(rss[1]);
    }
    const byName = {};
    for (const row of rows) byName[row.name] = (byName[row.name] ?? 0) + row.rss;
    console.error(Object.entries(byName).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([n, kb]) => `${(kb / 1024).toFixed(1)} MB  ${n}`).join('\n'));
  }
  // pulumi refresh: Read with the state's properties and inputs.
  await operation('refresh', () => read(outputs2, inputs2));
  // pulumi import: Read with only the id.
  await operation('import', () => read({}, {}));
  // pulumi destroy: Delete (puts the declared fields back as found).
  await operation('destroy', () => destroy(outputs2, inputs2));
  const restored = (await control('GET', 'tenant')).deviceRegistrationPolicy;
  expect('tenant userDeviceQuota after destroy', restored.userDeviceQuota, outputs1.originalSettings?.userDeviceQuota);
  if (problems.length > 0) throw new Error(`the provider did not write what was declared: ${problems.join('; ')}`);
  const atEnd = memory(provider.child.pid);

  console.log(JSON.stringify({
    provider: values.provider,
    spawnToPortMs: Math.round(spawnToPortMs * 100) / 100,
    operations,
    peakRssAfterUpdateMb: Math.round(afterUpdate.vmHwmKb / 1024 * 10) / 10,
    rssAfterUpdateMb: Math.round(afterUpdate.vmRssKb / 1024 * 10) / 10,
    // What the resident pages are: anonymous (heaps, JIT'd code, stacks) or file-backed (mapped assemblies, libraries).
    rssAnonAfterUpdateMb: Math.round(afterUpdate.rssAnonKb / 1024 * 10) / 10,
    rssFileAfterUpdateMb: Math.round(afterUpdate.rssFileKb / 1024 * 10) / 10,
    peakRssAtEndMb: Math.round(atEnd.vmHwmKb / 1024 * 10) / 10,
    engineWarnings: engine.logs.length,
    // The tenant and the outputs held the declared change after the update, and the original after destroy.
    writesVerified: true,
    // Graph/Identity assemblies mapped after Configure and after a preview (expected: none; a Native AOT
    // binary has no separate assemblies to map), and after the whole sequence.
    graphAssembliesAfterConfigure: loadedAfterConfigure,
    graphAssembliesAfterPreview: loadedAfterPreview,
    graphAssembliesAtEnd: graphAssemblies(provider.child.pid),
  }));
} catch (error) {
  console.error(`${error.message}\nprovider stderr: ${provider.stderr().slice(0, 4000)}`);
  process.exitCode = 1;
} finally {
  provider.stop();
  emulator.stop();
  engine.stop();
  setTimeout(() => { for (const child of children) child.kill('SIGKILL'); process.exit(); }, 3000).unref();
}

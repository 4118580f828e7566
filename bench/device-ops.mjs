// AutopilotDevices at scale through the real provider process (issue #16): for each size, a synthetic OEM CSV in a
// program folder, a fresh Graph emulator (import records pending for 2 reads; Intune's write limits off, so the run
// measures requests rather than 429 waits) and a fresh provider, driven as the engine drives it.
//
//   node bench/device-ops.mjs --provider <executable> --emulator <GraphEmulator.dll> [--sizes 500,1000,10000]
//
// Per size: Graph requests and time of a preview (Check + Create(preview)), of the first up (Check + Create), of a
// preview of a change of 10 rows (Check + Diff) and of its up (Check + Diff + Update); the size of the resource's
// state entry as the engine's file backend writes it (inputs and outputs, JSON indented by 4); and the provider's
// peak RSS (VmHWM) after the update. Prints one JSON object.
import crypto from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pb, SECRET, SECRET_SIG, fromStruct, memory, startEmulator, startEngine, startProvider, toStruct, token } from './lib/harness.mjs';
import { ASSET_SIG, TYPE, URN, fleet, resourceCalls } from './lib/devices.mjs';

const { values } = parseArgs({ options: { provider: { type: 'string' }, emulator: { type: 'string' }, sizes: { type: 'string', default: '500,1000,10000' } } });
if (!values.provider || !values.emulator) {
  console.error('usage: device-ops.mjs --provider <executable> --emulator <GraphEmulator.dll> [--sizes 500,1000,10000]');
  process.exit(2);
}

// The signature key marks every special value of Pulumi's encoding (secrets and assets alike).
const SIG_KEY = SECRET_SIG;

/** N devices, `retagged` of them with another group tag, as a CSV in the program folder; the FileAsset the SDK would send for it. */
function csv(folder, name, devices, retagged) {
  const text = fleet(0, devices, (i) => (i < retagged ? 'Lab' : 'Corp'));
  writeFileSync(path.join(folder, 'devices', name), text);
  return { [SIG_KEY]: ASSET_SIG, hash: crypto.createHash('sha256').update(text).digest('hex'), path: path.join(folder, 'devices', name) };
}
async function measure(size) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'entradevices-bench-'));
  mkdirSync(path.join(folder, 'devices'));
  const engine = await startEngine();
  const emulator = await startEmulator(values.emulator);
  const provider = await startProvider(values.provider, engine.address, { deadlineMs: 3600000 });
  const { rpc } = provider;
  const { request, check } = resourceCalls(rpc);
  const operations = {};
  async function operation(name, body) {
    await emulator.control('DELETE', 'requests');
    const started = process.hrtime.bigint();
    const result = await body();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const requests = await emulator.control('GET', 'requests');
    const kinds = {};
    for (const r of requests) {
      const route = r.path.replace(/\/[0-9a-f-]{36}(?=\/|$)/g, '/{id}').replace(/\?.*$/, '');
      const key = `${r.method} ${route.replace(/^\/(v1\.0|beta)\/deviceManagement\//, '')}`;
      kinds[key] = (kinds[key] ?? 0) + 1;
    }
    operations[name] = { graphRequests: requests.length, byKind: kinds, ms: Math.round(ms) };
    return result;
  }

  try {
    const handshake = new pb.ProviderHandshakeRequest();
    handshake.setEngineAddress(engine.address);
    await rpc('handshake', handshake);
    await provider.configure({ graphEndpoint: emulator.baseUrl, accessToken: { [SECRET_SIG]: SECRET, value: token(['DeviceManagementServiceConfig.ReadWrite.All']) } });
    await emulator.control('PUT', 'tenant', { writeThrottle: false, autopilotImport: { pendingReads: 2 } });

    const first = { csv: csv(folder, 'first.csv', size, 0), groupTag: 'Corp' };
    const marks = { configured: memory(provider.child.pid) };
    await operation('preview', async () => rpc('create', request(pb.CreateRequest, { setProperties: toStruct(await check(first)), setPreview: true })));
    marks.preview = memory(provider.child.pid);
    const inputs = await check(first);
    const created = await operation('up/create', async () =>
      rpc('create', request(pb.CreateRequest, { setProperties: toStruct(await check(first)), setPreview: false })));
    const id = created.getId();
    marks.created = memory(provider.child.pid);
    const outputs = fromStruct(created.getProperties());
    const registered = Object.keys(outputs.devices ?? {}).length;
    if (registered !== size) throw new Error(`the first up registered ${registered} of ${size} devices`);
    // What the engine's file backend keeps of the resource: its inputs (the asset's hash and path, not the file) and outputs.
    const stateBytes = Buffer.byteLength(JSON.stringify({ urn: URN, custom: true, id, type: TYPE, inputs, outputs }, null, 4));

    const second = { csv: csv(folder, 'second.csv', size, 10), groupTag: 'Corp' };
    let changes = 0;
    await operation('preview (update)', async () => {
      const news = await check(second);
      const diff = await rpc('diff', request(pb.DiffRequest, { setId: id, setOlds: toStruct(outputs), setNews: toStruct(news), setOldInputs: toStruct(inputs) }));
      changes = diff.getDetaileddiffMap().getLength();
    });
    if (changes !== 10) throw new Error(`the diff of 10 changed rows found ${changes} changes`);
    const updated = await operation('up/update', async () => {
      const news = await check(second);
      await rpc('diff', request(pb.DiffRequest, { setId: id, setOlds: toStruct(outputs), setNews: toStruct(news), setOldInputs: toStruct(inputs) }));
      return rpc('update', request(pb.UpdateRequest, { setId: id, setOlds: toStruct(outputs), setNews: toStruct(news), setOldInputs: toStruct(inputs), setPreview: false }));
    });
    const after = memory(provider.child.pid);
    const retagged = Object.values(fromStruct(updated.getProperties()).devices).filter((line) => line.endsWith('|Lab')).length;
    if (retagged !== 10) throw new Error(`the update recorded ${retagged} of 10 new group tags`);
    const progress = engine.logs.filter((l) => l.ephemeral).length;
    return { size, operations, stateBytes, peakRssMb: Math.round(after.vmHwmKb / 1024 * 10) / 10, marks: Object.fromEntries(Object.entries({ ...marks, updated: after }).map(([k, m]) => [k, `hwm ${Math.round(m.vmHwmKb / 1024)} rss ${Math.round(m.vmRssKb / 1024)} anon ${Math.round(m.rssAnonKb / 1024)} file ${Math.round(m.rssFileKb / 1024)}`])), progressLines: progress };
  } catch (error) {
    throw new Error(`${size} devices: ${error.message}\nprovider stderr: ${provider.stderr().slice(0, 2000)}`);
  } finally {
    provider.stop();
    emulator.stop();
    engine.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

try {
  const results = [];
  for (const size of values.sizes.split(',').map(Number)) {
    console.error(`device-ops: ${size} devices`);
    results.push(await measure(size));
  }
  console.log(JSON.stringify({ provider: values.provider, results }));
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
} finally {
  setTimeout(() => process.exit(), 3000).unref();
}

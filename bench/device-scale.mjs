// AutopilotDevices at a real fleet's scale under Intune's write limits (issue #25), through the real provider process
// driven as the engine drives it, against a fresh Graph emulator with the limits on (100 writes per 20 s per app,
// 200 per tenant; 429 with Retry-After past them) and import records pending for 2 reads.
//
//   node bench/device-scale.mjs --provider <executable> --emulator <GraphEmulator.dll> [--sizes 1000,10000] [--folder 100000:200]
//
// --sizes: per size, one CSV; the first preview (Check + Create(preview)) and the first up (Check + Create), timed,
//   with the writes, the 429 answers and the import records left for later runs. Target: the first up of 10,000
//   devices in under 10 minutes. The time includes the provider's polls while the stand-in keeps its records pending
//   (2 reads), so it is an upper bound of the provider's own time.
// --folder N:F: N devices in F files of one folder, as a FileArchive; the first preview (target ≤ 3 s), the provider's
//   peak memory after it and after the up (target ≤ 200 MB), the first up's time, and the state entry's size as the
//   engine's file backend writes it (target ≤ 12 MB).
// Prints one JSON object; progress on stderr.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pb, SECRET, SECRET_SIG, fromStruct, memory, startEmulator, startEngine, startProvider, toStruct, token } from './lib/harness.mjs';
import { ARCHIVE_SIG, ASSET_SIG, TYPE, URN, fleet as rows, resourceCalls } from './lib/devices.mjs';

const { values } = parseArgs({ options: {
  provider: { type: 'string' }, emulator: { type: 'string' }, sizes: { type: 'string', default: '1000,10000' }, folder: { type: 'string', default: '100000:200' },
} });
if (!values.provider || !values.emulator) {
  console.error('usage: device-scale.mjs --provider <executable> --emulator <GraphEmulator.dll> [--sizes 1000,10000] [--folder 100000:200]');
  process.exit(2);
}

const TARGETS = { upOf10000Seconds: 600, folderPreviewSeconds: 3, folderPeakMb: 200, folderStateMb: 12 };

const seconds = (started) => Math.round(Number(process.hrtime.bigint() - started) / 1e6) / 1000;

async function session(body) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'entradevices-scale-'));
  mkdirSync(path.join(folder, 'devices'));
  const engine = await startEngine();
  const emulator = await startEmulator(values.emulator);
  const provider = await startProvider(values.provider, engine.address, { deadlineMs: 3600000 });
  const rpc = provider.rpc;
  const { request, check } = resourceCalls(rpc);
  const preview = async (news) => rpc('create', request(pb.CreateRequest, { setProperties: toStruct(await check(news)), setPreview: true }));
  const up = async (news) => rpc('create', request(pb.CreateRequest, { setProperties: toStruct(await check(news)), setPreview: false }));
  try {
    const handshake = new pb.ProviderHandshakeRequest();
    handshake.setEngineAddress(engine.address);
    await rpc('handshake', handshake);
    await provider.configure({ graphEndpoint: emulator.baseUrl, accessToken: { [SECRET_SIG]: SECRET, value: token(['DeviceManagementServiceConfig.ReadWrite.All']) } });
    await emulator.control('PUT', 'tenant', { writeThrottle: true, autopilotImport: { pendingReads: 2 } });
    return await body({ folder, engine, emulator, provider, preview, up });
  } catch (error) {
    throw new Error(`${error.message}\nprovider stderr: ${provider.stderr().slice(0, 2000)}`);
  } finally {
    provider.stop();
    emulator.stop();
    engine.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** What the first up asked of Graph: writes, the 429s among all answers, and what it left for later runs. */
async function graphLoad(emulator, outputs) {
  const requests = await emulator.control('GET', 'requests');
  return {
    requests: requests.length,
    writes: requests.filter((r) => r.method !== 'GET' && r.status !== 429).length,
    throttled: requests.filter((r) => r.status === 429).length,
    importRecordsLeft: Object.values(outputs.leftImportRecords ?? {}).reduce((a, b) => a + b, 0),
  };
}

async function oneFile(size) {
  return session(async ({ folder, emulator, provider, preview, up }) => {
    writeFileSync(path.join(folder, 'devices', 'fleet.csv'), rows(0, size));
    const inputs = { csv: { [SECRET_SIG]: ASSET_SIG, hash: `fleet-${size}`, path: path.join(folder, 'devices', 'fleet.csv') } };
    let started = process.hrtime.bigint();
    await preview(inputs);
    const previewSeconds = seconds(started);
    await emulator.control('DELETE', 'requests');
    started = process.hrtime.bigint();
    const created = await up(inputs);
    const upSeconds = seconds(started);
    const outputs = fromStruct(created.getProperties());
    const registered = Object.keys(outputs.devices ?? {}).length;
    if (registered !== size) throw new Error(`the first up registered ${registered} of ${size} devices`);
    return { size, previewSeconds, upSeconds, ...(await graphLoad(emulator, outputs)), peakRssMb: Math.round(memory(provider.child.pid).vmHwmKb / 1024) };
  });
}

/** Samples the provider's resident memory while `body` runs: the highest, and what the provider last said then (its phase). */
async function sampled(pid, engine, body) {
  let top = { rssMb: 0, phase: '' };
  const timer = setInterval(() => {
    const rssMb = Math.round(memory(pid).vmRssKb / 1024);
    if (rssMb > top.rssMb) top = { rssMb, phase: engine.logs.at(-1)?.message ?? '' };
  }, 200);
  try {
    return { result: await body(), top };
  } finally {
    clearInterval(timer);
  }
}

async function inFolder(size, files) {
  return session(async ({ folder, engine, emulator, provider, preview, up }) => {
    const oem = path.join(folder, 'devices', 'oem');
    mkdirSync(oem);
    const perFile = Math.ceil(size / files);
    for (let f = 0; f < files; f++) writeFileSync(path.join(oem, `batch-${String(f).padStart(3, '0')}.csv`), rows(f * perFile, Math.min(size, (f + 1) * perFile)));
    const inputs = { csv: { [SECRET_SIG]: ARCHIVE_SIG, hash: `oem-${size}`, path: oem } };
    let started = process.hrtime.bigint();
    await preview(inputs);
    const previewSeconds = seconds(started);
    const afterPreviewMb = Math.round(memory(provider.child.pid).vmHwmKb / 1024);
    await emulator.control('DELETE', 'requests');
    started = process.hrtime.bigint();
    const { result: created, top } = await sampled(provider.child.pid, engine, () => up(inputs));
    const upSeconds = seconds(started);
    const outputs = fromStruct(created.getProperties());
    const registered = Object.keys(outputs.devices ?? {}).length;
    if (registered !== size) throw new Error(`the first up registered ${registered} of ${size} devices`);
    const stateBytes = Buffer.byteLength(JSON.stringify({ urn: URN, custom: true, id: created.getId(), type: TYPE, inputs, outputs }, null, 4));
    return {
      size, files, previewSeconds, peakRssAfterPreviewMb: afterPreviewMb, upSeconds, peakRssMb: Math.round(memory(provider.child.pid).vmHwmKb / 1024),
      highestSampledRss: top,
      stateMb: Math.round(stateBytes / 1024 / 102.4) / 10, ...(await graphLoad(emulator, outputs)),
    };
  });
}

try {
  const results = { provider: values.provider, targets: TARGETS, files: [], folder: null };
  for (const size of values.sizes.split(',').filter(Boolean).map(Number)) {
    console.error(`device-scale: one CSV of ${size} devices, Intune's write limits on`);
    results.files.push(await oneFile(size));
    console.error(JSON.stringify(results.files.at(-1)));
  }
  if (values.folder) {
    const [size, files] = values.folder.split(':').map(Number);
    console.error(`device-scale: ${size} devices in ${files} files of one folder, Intune's write limits on`);
    results.folder = await inFolder(size, files);
    console.error(JSON.stringify(results.folder));
  }
  const of10000 = results.files.find((r) => r.size === 10000);
  results.verdicts = {
    upOf10000: of10000 ? (of10000.upSeconds <= TARGETS.upOf10000Seconds ? 'met' : 'missed') : 'not run',
    folderPreview: results.folder ? (results.folder.previewSeconds <= TARGETS.folderPreviewSeconds ? 'met' : 'missed') : 'not run',
    folderPeak: results.folder ? (results.folder.peakRssMb <= TARGETS.folderPeakMb ? 'met' : 'missed') : 'not run',
    folderState: results.folder ? (results.folder.stateMb <= TARGETS.folderStateMb ? 'met' : 'missed') : 'not run',
  };
  console.log(JSON.stringify(results, null, 2));
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
} finally {
  setTimeout(() => process.exit(), 3000).unref();
}

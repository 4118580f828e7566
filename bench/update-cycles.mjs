// Memory under load (issue #24, 14): one plugin process, as the engine runs it for a long `pulumi up` or many
// resources, takes many update cycles of the DeviceRegistrationPolicy (Check, Diff, Update: GET + PUT each).
// Resident memory (VmRSS of /proc/<pid>/status) is read every --every cycles; a process that keeps something per
// operation grows steadily after warm-up, one that does not levels off.
//
//   node bench/update-cycles.mjs --provider <executable> --emulator <GraphEmulator.dll> [--cycles 200] [--every 10]
//
// Prints one JSON object: the curve, and the growth between cycle 50 and the last against the target (≤ 5 MB).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pb, SECRET, SECRET_SIG, children, fromStruct, memory, resourceRequest, startEmulator, startEngine, startProvider, toStruct, token } from './lib/harness.mjs';

const { values } = parseArgs({
  options: { provider: { type: 'string' }, emulator: { type: 'string' }, cycles: { type: 'string', default: '200' }, every: { type: 'string', default: '10' } },
});
if (!values.provider || !values.emulator) {
  console.error('usage: update-cycles.mjs --provider <executable> --emulator <GraphEmulator.dll> [--cycles N] [--every N]');
  process.exit(2);
}

const cycles = Number(values.cycles);
const every = Number(values.every);
const TYPE = 'entradevices:index:DeviceRegistrationPolicy';
const URN = `urn:pulumi:bench::entra-device-settings::${TYPE}::policy`;
const ID = 'deviceRegistrationPolicy';
const TARGET_MB = 5;

const engine = await startEngine();
const emulator = await startEmulator(values.emulator);
const provider = await startProvider(values.provider, engine.address);
const { rpc } = provider;
const request = (Type, fields) => resourceRequest(Type, { urn: URN, type: TYPE, name: 'policy' }, fields);
const check = async (news, olds) => fromStruct((await rpc('check', request(pb.CheckRequest, {
  setOlds: toStruct(olds), setNews: toStruct(news), setRandomseed: new Uint8Array(32),
}))).getInputs());

try {
  await provider.configure({ graphEndpoint: emulator.baseUrl, accessToken: { [SECRET_SIG]: SECRET, value: token(['Policy.ReadWrite.DeviceConfiguration']) } });
  let inputs = await check({ userDeviceQuota: 20, onDestroy: 'restoreOriginal' }, {});
  let outputs = fromStruct((await rpc('create', request(pb.CreateRequest, { setProperties: toStruct(inputs), setPreview: false }))).getProperties());
  const curve = [];
  for (let cycle = 1; cycle <= cycles; cycle++) {
    const news = await check({ userDeviceQuota: 20 + (cycle % 2), onDestroy: 'restoreOriginal' }, inputs);
    await rpc('diff', request(pb.DiffRequest, { setId: ID, setOlds: toStruct(outputs), setNews: toStruct(news), setOldInputs: toStruct(inputs) }));
    outputs = fromStruct((await rpc('update', request(pb.UpdateRequest, {
      setId: ID, setOlds: toStruct(outputs), setNews: toStruct(news), setOldInputs: toStruct(inputs), setPreview: false,
    }))).getProperties());
    inputs = news;
    if (cycle % every === 0) {
      // The emulator's request log grows with every call; it is the emulator's memory, not the plugin's, but empty it anyway.
      await emulator.control('DELETE', 'requests');
      const status = readFileSync(`/proc/${provider.child.pid}/status`, 'utf8');
      curve.push({ cycle, rssMb: Math.round(memory(provider.child.pid).vmRssKb / 102.4) / 10, threads: Number(/^Threads:\s+(\d+)/m.exec(status)?.[1]) });
    }
  }

  const at = (cycle) => curve.findLast((p) => p.cycle <= cycle)?.rssMb ?? NaN;
  const growth = Math.round((curve[curve.length - 1].rssMb - at(50)) * 10) / 10;
  console.log(JSON.stringify({ cycles, curve, growthFrom50Mb: growth, targetMb: TARGET_MB, met: growth <= TARGET_MB }, null, 1));
} finally {
  for (const child of children) child.kill('SIGKILL');
  await engine.stop?.();
}
process.exit(0);

// What the two AutopilotDevices benchmarks (device-ops.mjs, device-scale.mjs) share: the resource's names, the
// Autopilot CSV's header, a synthetic fleet's rows, and the engine's requests to the resource (Check failing loudly).
import crypto from 'node:crypto';
import { pb, fromStruct, toStruct } from './harness.mjs';

export const TYPE = 'entradevices:index:AutopilotDevices';
export const URN = `urn:pulumi:bench::entra-device-settings::${TYPE}::autopilot-devices`;
export const ASSET_SIG = 'c44067f5952c0a294b673a41bacd8c17';
export const ARCHIVE_SIG = '0def7320c3a5731c473e5ecbe6d01bc7';
export const HEADER = 'Device Serial Number,Windows Product ID,Hardware Hash,Group Tag,Assigned User';

/**
 * Rows `from`..`to` of a synthetic fleet with its header, CRLF-ended: 3,072 random bytes of hash each (4 KB of
 * base64, as real hashes are a few kilobytes); `tagOf(i)` gives each row's group tag.
 */
export function fleet(from, to, tagOf = () => 'Corp') {
  const lines = [HEADER];
  for (let i = from; i < to; i++) {
    const hash = crypto.createHash('shake256', { outputLength: 3072 }).update(`device-${i}`).digest('base64');
    lines.push(`SN${String(i).padStart(8, '0')},,${hash},${tagOf(i)},`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The engine's requests to the resource over `rpc`: each addressed to it, and a Check that throws on any failure. */
export function resourceCalls(rpc) {
  const request = (Type, fields) => {
    const r = new Type();
    r.setUrn(URN);
    r.setType(TYPE);
    r.setName('autopilot-devices');
    for (const [setter, value] of Object.entries(fields)) r[setter](value);
    return r;
  };
  const check = async (news) => {
    const response = await rpc('check', request(pb.CheckRequest, { setOlds: toStruct({}), setNews: toStruct(news), setRandomseed: new Uint8Array(32) }));
    const failures = response.getFailuresList().map((f) => `${f.getProperty()}: ${f.getReason()}`);
    if (failures.length > 0) throw new Error(`Check failed: ${failures.slice(0, 3).join('; ')}`);
    return fromStruct(response.getInputs());
  };
  return { request, check };
}

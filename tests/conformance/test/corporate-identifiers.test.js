'use strict';
// entradevices:index:CorporateDeviceIdentifiers through the engine's call sequences (issue #26), on the set lifecycle:
// Check names bad lines and warns about the tenant's first identifier; preview makes no Graph call and tells the plan;
// up imports through the action and records each identifier with its id; a second preview shows no change; a change of
// the file is one diff line per identifier; refresh drops one deleted in the admin center; import adopts (all, or by
// serial number); destroy
// deletes only when whenRemoved says so.
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startStack } = require('../lib/stack');
const { SIG } = require('../lib/values');

const ASSET_SIG = 'c44067f5952c0a294b673a41bacd8c17';
const IDENTIFIERS = { type: 'entradevices:index:CorporateDeviceIdentifiers', name: 'corporate-identifiers' };
const PATH = '/beta/deviceManagement/importedDeviceIdentities';
const [A, B, C] = ['Dell Inc,Latitude 7450,SN0001', 'Dell Inc,Latitude 7450,SN0002', 'Lenovo,ThinkPad T14,PF4XYZ01'];

describe('CorporateDeviceIdentifiers', { timeout: 120000 }, () => {
  let s;
  let folder;
  let id;
  let inputs;
  let outputs;
  const csv = (name, rows) => {
    fs.writeFileSync(path.join(folder, name), `${rows.join('\r\n')}\r\n`);
    return { [SIG]: ASSET_SIG, hash: `${name}-${rows.length}`, path: name };
  };
  const inTenant = async () => {
    const response = await fetch(`${s.emulator.baseUrl}${PATH}`, { headers: { authorization: `Bearer ${s.accessToken}` } });
    return (await response.json()).value.map((i) => i.importedDeviceIdentifier).sort();
  };
  const resource = () => s.provider.resource({ ...IDENTIFIERS, id });

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entradevices-identifiers-'));
    s = await startStack({ roles: ['DeviceManagementServiceConfig.ReadWrite.All'], cwd: folder });
  });
  after(async () => {
    await s?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('Check names each bad line and what the file takes, and warns that a first identifier changes how devices are classified', async () => {
    const { failures } = await s.provider.resource(IDENTIFIERS).check({ csv: csv('bad.csv', ['Manufacturer,Model,Serial', 'Dell,Latitude,SN.1']), whenRemoved: 'purge' });
    assert.deepEqual(failures.map((f) => f.property).sort(), ['csv', 'csv', 'whenRemoved']);
    assert.match(failures.find((f) => /line 1/.test(f.reason)).reason, /is a header/);
    assert.match(failures.find((f) => /line 2/.test(f.reason)).reason, /period in its serial number/);
    s.engine.clearLogs();
    ({ inputs } = await s.provider.resource(IDENTIFIERS).check({ csv: csv('ids.csv', [A, B]), whenRemoved: 'delete' }));
    assert.ok(s.engine.logs.some((l) => /marked personal/.test(l.message)), JSON.stringify(s.engine.logs));
  });

  it('preview makes no Graph call and tells the plan; up imports through the action and records each identifier', async () => {
    await s.emulator.clearRequests();
    s.engine.clearLogs();
    await s.provider.resource(IDENTIFIERS).create(inputs, { preview: true });
    assert.deepEqual(await s.emulator.calls(), []);
    assert.ok(s.engine.logs.some((l) => l.message.startsWith('Corporate identifiers: 2 to add')), JSON.stringify(s.engine.logs));

    ({ id, properties: outputs } = await s.provider.resource(IDENTIFIERS).create(inputs));
    assert.deepEqual((await s.emulator.calls()).filter((c) => c.startsWith('POST')), [`POST ${PATH}/importDeviceIdentityList`]);
    assert.deepEqual(Object.keys(outputs.identifiers).sort(), [A, B]);
    assert.equal(outputs.identifierCount, 2);
    assert.deepEqual(await inTenant(), [A, B]);
    assert.equal((await resource().diff(outputs, inputs)).changes, 'DIFF_NONE');
  });

  it('a change of the file is one diff line per identifier, with no Graph call, then applied', async () => {
    const { inputs: news } = await resource().check({ csv: csv('ids.csv', [B, C]), whenRemoved: 'delete' });
    await s.emulator.clearRequests();
    const diff = await resource().diff(outputs, news);
    assert.deepEqual(Object.entries(diff.detailedDiff).map(([k, v]) => [k, v.kind]).sort(), [[`identifiers["${A}"]`, 'DELETE'], [`identifiers["${C}"]`, 'ADD']]);
    assert.deepEqual(await s.emulator.calls(), []);
    ({ properties: outputs } = await resource().update(outputs, news));
    assert.deepEqual(await inTenant(), [B, C]);
    inputs = news;
  });

  it('refresh drops an identifier deleted in the admin center; up adds it again', async () => {
    const response = await fetch(`${s.emulator.baseUrl}${PATH}/${outputs.identifiers[C]}`, { method: 'DELETE', headers: { authorization: `Bearer ${s.accessToken}` } });
    assert.equal(response.status, 204);
    const read = await resource().read(id, outputs, inputs);
    assert.deepEqual(Object.keys(read.properties.identifiers), [B]);
    const diff = await resource().diff(read.properties, inputs);
    assert.deepEqual(Object.entries(diff.detailedDiff).map(([k, v]) => [k, v.kind]), [[`identifiers["${C}"]`, 'ADD']]);
    ({ properties: outputs } = await resource().update(read.properties, inputs));
    assert.deepEqual(await inTenant(), [B, C]);
  });

  it('import declares the identifiers the tenant holds (all, or by serial number), kept when removed', async () => {
    const all = await s.provider.resource({ ...IDENTIFIERS, id: 'all' }).read('all');
    assert.deepEqual(Object.keys(all.properties.identifiers).sort(), [B, C]);
    assert.equal(all.inputs.whenRemoved, 'keep');
    const one = await s.provider.resource({ ...IDENTIFIERS, id: 'serials:PF4XYZ01' }).read('serials:PF4XYZ01');
    assert.deepEqual(Object.keys(one.properties.identifiers), [C]);
  });

  it('destroy deletes them, as whenRemoved is delete', async () => {
    await resource().delete(outputs, inputs);
    assert.deepEqual(await inTenant(), []);
  });
});

'use strict';
// entradevices:index:BitLockerKeyRecoveryRestriction through the same engine call sequences (§4) as the
// device registration policy: preview makes no Graph call, up adopts with GET + PATCH of that one property,
// refresh shows drift, import reads once, destroy restores the original value.
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startStack, WRITE_ROLE } = require('../lib/stack');

const PATH = '/v1.0/policies/authorizationPolicy';
const BITLOCKER = { type: 'entradevices:index:BitLockerKeyRecoveryRestriction', name: 'bitlocker', id: 'authorizationPolicy' };
const allowed = async (s) => (await s.emulator.tenant()).authorizationPolicy.defaultUserRolePermissions.allowedToReadBitlockerKeysForOwnedDevice;

describe('BitLockerKeyRecoveryRestriction', { timeout: 90000 }, () => {
  let s;
  let r;
  let inputs;
  let outputs;
  before(async () => {
    s = await startStack({ roles: [WRITE_ROLE, 'Policy.ReadWrite.Authorization'] });
    r = s.provider.resource(BITLOCKER);
  });
  after(async () => s?.stop());

  it('the schema describes the resource and every property', async () => {
    const spec = (await s.provider.schema()).resources[BITLOCKER.type];
    assert.ok(spec?.description);
    for (const [name, property] of Object.entries({ ...spec.inputProperties, ...spec.properties })) {
      assert.ok(property.description, `${name} has a description`);
    }
    assert.deepEqual(Object.keys(spec.inputProperties), ['restrictOwnersFromReadingKeys']);
    assert.ok('originalValue' in spec.properties);
  });

  it('Check refuses a wrong kind and an unknown property, naming them', async () => {
    const { failures } = await r.check({ restrictOwnersFromReadingKeys: 'yes', restrict: true });
    assert.deepEqual(failures.map((f) => f.property).sort(), ['restrict', 'restrictOwnersFromReadingKeys']);
  });

  it('preview of the new resource makes no Graph call', async () => {
    await s.emulator.clearRequests();
    ({ inputs } = await r.check({ restrictOwnersFromReadingKeys: true }));
    const { id, properties } = await r.create(inputs, { preview: true });
    assert.equal(id, BITLOCKER.id);
    assert.equal(properties.restrictOwnersFromReadingKeys, true);
    assert.deepEqual(await s.emulator.calls(), []);
  });

  it('up adopts with one GET and one PATCH that carries only that property', async () => {
    await s.emulator.clearRequests();
    ({ properties: outputs } = await r.create(inputs));
    const requests = await s.emulator.requests();
    assert.deepEqual(requests.map((q) => `${q.method} ${q.path}`), [`GET ${PATH}`, `PATCH ${PATH}`]);
    assert.deepEqual(JSON.parse(requests[1].body), { defaultUserRolePermissions: { allowedToReadBitlockerKeysForOwnedDevice: false } });
    assert.equal(await allowed(s), false);
    assert.deepEqual([outputs.restrictOwnersFromReadingKeys, outputs.originalValue], [true, false]);
  });

  it('Diff shows exactly the changed property and never replaces', async () => {
    const diff = await r.diff(outputs, { restrictOwnersFromReadingKeys: false });
    assert.equal(diff.changes, 'DIFF_SOME');
    assert.deepEqual(Object.keys(diff.detailedDiff), ['restrictOwnersFromReadingKeys']);
    assert.deepEqual(diff.replaces, []);
    assert.equal((await r.diff(outputs, inputs)).changes, 'DIFF_NONE');
  });

  it('refresh reads once and shows drift, keeping the original value', async () => {
    const tenant = await s.emulator.tenant();
    tenant.authorizationPolicy.defaultUserRolePermissions.allowedToReadBitlockerKeysForOwnedDevice = true;
    await s.emulator.putTenant({ authorizationPolicy: tenant.authorizationPolicy });
    await s.emulator.clearRequests();
    const read = await r.read(BITLOCKER.id, outputs, inputs);
    assert.deepEqual(await s.emulator.calls(), [`GET ${PATH}`]);
    assert.deepEqual([read.properties.restrictOwnersFromReadingKeys, read.properties.originalValue], [false, false]);
    assert.deepEqual(read.inputs, inputs);
    assert.deepEqual(Object.keys((await r.diff(read.properties, inputs)).detailedDiff), ['restrictOwnersFromReadingKeys']);
  });

  it('import reads once and declares the live value', async () => {
    await s.emulator.clearRequests();
    const read = await r.read(BITLOCKER.id);
    assert.deepEqual(await s.emulator.calls(), [`GET ${PATH}`]);
    assert.deepEqual(read.inputs, { restrictOwnersFromReadingKeys: false });
  });

  it('destroy puts the original value back', async () => {
    await r.update(outputs, inputs, { oldInputs: inputs });
    assert.equal(await allowed(s), false);
    await r.delete(outputs, inputs);
    assert.equal(await allowed(s), true);
  });
});

'use strict';
// One table-driven lifecycle through the engine's call sequences (§4), run for every resource of the catalog:
// preview calls no Graph, up adopts or creates, a preview of a change shows the leaf, update writes once,
// refresh records drift, import declares what it finds, destroy restores. Each row brings only its fixtures.
// AutomaticIntuneEnrollment goes through the same sequences in enrollment.test.js: Graph lets only a signed-in
// person touch it, and its drift is made through Graph's own routes.
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startStack, WRITE_ROLE } = require('../lib/stack');
const { reveal } = require('../lib/values');

const RESOURCES = [
  {
    identity: { type: 'entradevices:index:DeviceRegistrationPolicy', name: 'device-registration-policy', id: 'deviceRegistrationPolicy' },
    roles: [WRITE_ROLE],
    path: '/v1.0/policies/deviceRegistrationPolicy',
    write: 'PUT',
    leaf: 'userDeviceQuota',
    declared: 20,
    changed: 25,
    drifted: 40,
    inTenant: (tenant) => tenant.deviceRegistrationPolicy.userDeviceQuota,
    original: (outputs) => outputs.originalSettings.userDeviceQuota,
    drift: (tenant, value) => ({ deviceRegistrationPolicy: { ...tenant.deviceRegistrationPolicy, userDeviceQuota: value } }),
  },
  {
    identity: { type: 'entradevices:index:BitLockerKeyRecoveryRestriction', name: 'bitlocker-key-recovery-restriction', id: 'authorizationPolicy' },
    roles: ['Policy.ReadWrite.Authorization'],
    path: '/v1.0/policies/authorizationPolicy',
    write: 'PATCH',
    leaf: 'restrictOwnersFromReadingKeys',
    declared: true,
    changed: false,
    drifted: true,
    inTenant: (tenant) => !tenant.authorizationPolicy.defaultUserRolePermissions.allowedToReadBitlockerKeysForOwnedDevice,
    original: (outputs) => outputs.originalValue,
    drift: (tenant, value) => ({
      authorizationPolicy: {
        ...tenant.authorizationPolicy,
        defaultUserRolePermissions: { ...tenant.authorizationPolicy.defaultUserRolePermissions, allowedToReadBitlockerKeysForOwnedDevice: !value },
      },
    }),
  },
];

for (const row of RESOURCES) {
  describe(`lifecycle of ${row.identity.type}`, { timeout: 90000 }, () => {
    let s;
    let r;
    let seeded;
    let inputs;
    let outputs;
    const calls = async () => (await s.emulator.calls());
    before(async () => {
      s = await startStack({ roles: row.roles });
      r = s.provider.resource(row.identity);
      seeded = row.inTenant(s.emulator.seed);
    });
    after(async () => s?.stop());

    it('preview of the new resource calls no Graph and promises the declared leaf', async () => {
      ({ inputs } = await r.check({ [row.leaf]: row.declared }));
      const preview = await r.create(inputs, { preview: true });
      assert.equal(preview.properties[row.leaf], row.declared);
      assert.deepEqual(await calls(), []);
    });

    it('up adopts the tenant object with one GET and one write', async () => {
      const created = await r.create(inputs);
      outputs = created.properties;
      assert.equal(created.id, row.identity.id);
      assert.deepEqual(await calls(), [`GET ${row.path}`, `${row.write} ${row.path}`]);
      assert.equal(row.inTenant(await s.emulator.tenant()), row.declared);
    });

    it('preview of a change shows that leaf and calls no Graph', async () => {
      await s.emulator.clearRequests();
      const next = (await r.check({ [row.leaf]: row.changed }, inputs)).inputs;
      const diff = await r.diff(outputs, next, inputs);
      assert.equal(diff.changes, 'DIFF_SOME');
      assert.deepEqual(Object.keys(diff.detailedDiff), [row.leaf]);
      assert.deepEqual(diff.replaces, []);
      const promised = await r.update(outputs, next, { oldInputs: inputs, preview: true });
      assert.equal(promised.properties[row.leaf], row.changed);
      assert.deepEqual(await calls(), []);
    });

    it('up of the change writes once and keeps the original', async () => {
      const next = (await r.check({ [row.leaf]: row.changed }, inputs)).inputs;
      const updated = await r.update(outputs, next, { oldInputs: inputs });
      assert.deepEqual(await calls(), [`GET ${row.path}`, `${row.write} ${row.path}`]);
      assert.equal(row.inTenant(await s.emulator.tenant()), row.changed);
      assert.equal(row.original(reveal(updated.properties)), seeded);
      inputs = next;
      outputs = updated.properties;
    });

    it('refresh records drift made outside Pulumi, and the next preview shows it', async () => {
      await s.emulator.putTenant(row.drift(await s.emulator.tenant(), row.drifted));
      await s.emulator.clearRequests();
      const read = await r.read(row.identity.id, outputs, inputs);
      assert.equal(read.properties[row.leaf], row.drifted);
      assert.deepEqual(await calls(), [`GET ${row.path}`]);
      assert.equal((await r.diff(read.properties, inputs, read.inputs)).changes, 'DIFF_SOME');
      outputs = read.properties;
    });

    it('import reads once and declares what it finds, with no diff after', async () => {
      await s.emulator.clearRequests();
      const imported = await r.read(row.identity.id, {}, {});
      assert.deepEqual(await calls(), [`GET ${row.path}`]);
      const checked = await r.check(imported.inputs, imported.inputs);
      assert.deepEqual(checked.failures, []);
      assert.equal((await r.diff(imported.properties, checked.inputs, imported.inputs)).changes, 'DIFF_NONE');
    });

    it('destroy puts the declared leaf back as it was found', async () => {
      await r.delete(outputs, inputs);
      assert.equal(row.inTenant(await s.emulator.tenant()), seeded);
    });
  });
}

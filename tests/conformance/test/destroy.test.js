'use strict';
// §4 destroy: Delete(id, properties = old outputs, old_inputs). Declared fields go back (to the policy as
// found, or to Entra's defaults with onDestroy "restoreDefaults"); undeclared fields are never touched.
const { describe, it, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const { startStack } = require('../lib/stack');
const { POLICY_PATH } = require('../lib/emulator');
const { fromGraph, writable, GROUP_A, USER_A } = require('../lib/policy');

const GET = `GET ${POLICY_PATH}`;
const PUT = `PUT ${POLICY_PATH}`;

/** Check → Create → Check → Update, as two `pulumi up`s would; returns the last inputs and outputs. */
async function createThenUpdate(provider, first, second) {
  const inputs1 = (await provider.check(first, {})).inputs;
  const outputs1 = (await provider.create(inputs1)).properties;
  const inputs2 = (await provider.check(second, inputs1)).inputs;
  const outputs2 = (await provider.update(outputs1, inputs2, { oldInputs: inputs1 })).properties;
  return { inputs: inputs2, outputs: outputs2 };
}

describe('destroy', { timeout: 90000 }, () => {
  let s;
  before(async () => { s = await startStack(); });
  after(async () => s?.stop());
  beforeEach(async () => s.emulator.reset());

  it('restoreOriginal puts the declared fields back as found and leaves undeclared fields alone', async () => {
    const seed = fromGraph(s.emulator.seed.deviceRegistrationPolicy);
    const { inputs, outputs } = await createThenUpdate(s.provider,
      { userDeviceQuota: 20, azureADJoin: { allowedToJoin: { scope: 'selected', groups: [GROUP_A] } } },
      { userDeviceQuota: 30, multiFactorAuthConfiguration: 'required', azureADJoin: { allowedToJoin: { scope: 'selected', groups: [GROUP_A] } } });
    // Someone changes an undeclared field meanwhile: destroy must not undo it.
    await s.emulator.editPolicy((policy) => { policy.localAdminPassword.isEnabled = true; });
    await s.emulator.clearRequests();

    await s.provider.delete(outputs, inputs);

    assert.deepEqual(await s.emulator.calls(), [GET, PUT]);
    const live = fromGraph(await s.emulator.policy());
    assert.equal(live.userDeviceQuota, seed.userDeviceQuota);
    assert.equal(live.multiFactorAuthConfiguration, seed.multiFactorAuthConfiguration);
    assert.deepEqual(live.azureADJoin.allowedToJoin, seed.azureADJoin.allowedToJoin);
    assert.deepEqual(live.azureADJoin.localAdmins, seed.azureADJoin.localAdmins);
    assert.deepEqual(live.azureADRegistration, seed.azureADRegistration);
    assert.equal(live.localAdminPassword.isEnabled, true, 'the undeclared LAPS setting keeps its out-of-band value');
  });

  it('restoreDefaults sets Entra defaults on every declared field', async () => {
    // Registration must be admin-configurable for the defaults (all users) to be writable.
    await s.emulator.editPolicy((policy) => { policy.azureADRegistration.isAdminConfigurable = true; });
    const program = {
      userDeviceQuota: 7,
      multiFactorAuthConfiguration: 'required',
      azureADJoin: {
        allowedToJoin: { scope: 'selected', groups: [GROUP_A] },
        localAdmins: { enableGlobalAdmins: false, registeringUsers: { scope: 'none' } },
      },
      azureADRegistration: { allowedToRegister: { scope: 'selected', users: [USER_A] } },
      localAdminPassword: { isEnabled: true },
      onDestroy: 'restoreDefaults',
    };
    const { inputs, outputs } = await createThenUpdate(s.provider, program, { ...program, userDeviceQuota: 8 });
    assert.equal(outputs.onDestroy, 'restoreDefaults');
    assert.equal((await s.emulator.policy()).userDeviceQuota, 8);
    await s.emulator.clearRequests();

    await s.provider.delete(outputs, inputs);

    assert.deepEqual(await s.emulator.calls(), [GET, PUT]);
    const none = { users: [], groups: [] };
    assert.deepEqual(writable(fromGraph(await s.emulator.policy())), {
      userDeviceQuota: 50,
      multiFactorAuthConfiguration: 'notRequired',
      azureADJoin: { allowedToJoin: { scope: 'all', ...none }, localAdmins: { enableGlobalAdmins: true, registeringUsers: { scope: 'all', ...none } } },
      azureADRegistration: { allowedToRegister: { scope: 'all', ...none } },
      localAdminPassword: { isEnabled: false },
    });
  });

  it('restoreDefaults leaves undeclared fields alone', async () => {
    const seed = fromGraph(s.emulator.seed.deviceRegistrationPolicy);
    const { inputs, outputs } = await createThenUpdate(s.provider,
      { userDeviceQuota: 9, onDestroy: 'restoreDefaults' },
      { userDeviceQuota: 10, onDestroy: 'restoreDefaults' });
    await s.provider.delete(outputs, inputs);
    const live = fromGraph(await s.emulator.policy());
    assert.deepEqual(live, { ...seed, userDeviceQuota: 50 });
  });

  it('Delete when the tenant already holds the values to restore writes nothing', async () => {
    const inputs = (await s.provider.check({ userDeviceQuota: 20 }, {})).inputs;
    const outputs = (await s.provider.create(inputs)).properties;
    await s.emulator.editPolicy((policy) => { policy.userDeviceQuota = 2; });
    await s.emulator.clearRequests();
    await s.provider.delete(outputs, inputs);
    assert.deepEqual(await s.emulator.calls(), [GET]);
  });

  it('Delete without originalSettings in state fails cleanly and changes nothing', async () => {
    const inputs = (await s.provider.check({ userDeviceQuota: 20 }, {})).inputs;
    const { originalSettings, ...outputs } = (await s.provider.create(inputs)).properties;
    assert.ok(originalSettings);
    await s.emulator.clearRequests();
    const failure = await s.provider.failure(s.provider.delete(outputs, inputs));
    assert.ok(!['INTERNAL', 'UNKNOWN', 'DATA_LOSS'].includes(failure.codeName), JSON.stringify(failure));
    assert.match(failure.message, /originalSettings/);
    assert.equal((await s.emulator.policy()).userDeviceQuota, 20);
    assert.ok(!(await s.emulator.calls()).includes(PUT));
  });
});

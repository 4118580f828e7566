'use strict';
// Check failures name the property path (the engine shows them per property); warnings go to the
// engine's Log service with severity WARNING and the resource's URN, and never fail the deployment.
const { describe, it, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const { startStack } = require('../lib/stack');
const { SEVERITY } = require('../lib/engine');
const { URN } = require('../lib/launch');
const { GROUP_A, USER_A } = require('../lib/policy');

const join = (allowedToJoin) => ({ azureADJoin: { allowedToJoin } });

const INVALID = [
  ['an unknown scope', join({ scope: 'everyone' }), 'azureADJoin.allowedToJoin.scope', /everyone|"all"/],
  ['a missing scope', join({ groups: [GROUP_A] }), 'azureADJoin.allowedToJoin.scope', /scope/],
  ['a group id that is not a GUID', join({ scope: 'selected', groups: ['finance-team'] }), 'azureADJoin.allowedToJoin.groups[0]', /GUID/],
  ['a repeated group id', join({ scope: 'selected', groups: [GROUP_A, GROUP_A] }), 'azureADJoin.allowedToJoin.groups[1]', /once|repeat/],
  ['users with scope "all"', join({ scope: 'all', users: [USER_A] }), 'azureADJoin.allowedToJoin', /selected/],
  ['scope "selected" without members', join({ scope: 'selected' }), 'azureADJoin.allowedToJoin', /at least one/],
  ['a registering-users id that is not a GUID', { azureADJoin: { localAdmins: { registeringUsers: { scope: 'selected', users: ['alice@contoso.com'] } } } },
    'azureADJoin.localAdmins.registeringUsers.users[0]', /GUID/],
  ['quota 101', { userDeviceQuota: 101 }, 'userDeviceQuota', /100/],
  ['quota -1', { userDeviceQuota: -1 }, 'userDeviceQuota', /0 to 100/],
  ['a fractional quota', { userDeviceQuota: 2.5 }, 'userDeviceQuota', /whole|0 to 100/],
  ['a quota given as text', { userDeviceQuota: '20' }, 'userDeviceQuota', /number/],
  ['an unknown MFA value', { multiFactorAuthConfiguration: 'always' }, 'multiFactorAuthConfiguration', /notRequired/],
  ['an unknown onDestroy value', { onDestroy: 'deleteEverything' }, 'onDestroy', /restoreOriginal/],
  ['a misspelt property', { userDeviceQuata: 20 }, 'userDeviceQuata', /userDeviceQuota/],
  ['isAdminConfigurable as an input', { azureADJoin: { isAdminConfigurable: true } }, 'azureADJoin.isAdminConfigurable', /output/],
  ['originalSettings as an input', { originalSettings: {} }, 'originalSettings', /output/],
  ['a boolean given as text', { localAdminPassword: { isEnabled: 'yes' } }, 'localAdminPassword.isEnabled', /true or false/],
];

const WARNINGS = [
  ['allowedToJoin scope "none"', join({ scope: 'none' }), /allowedToJoin/],
  ['quota 0', { userDeviceQuota: 0 }, /userDeviceQuota/],
  ['registeringUsers scope "all"', { azureADJoin: { localAdmins: { registeringUsers: { scope: 'all' } } } }, /registeringUsers/],
];

describe('Check', { timeout: 60000 }, () => {
  let s;
  before(async () => { s = await startStack(); });
  after(async () => s?.stop());
  beforeEach(() => s.engine.clearLogs());

  for (const [what, news, property, reason] of INVALID) {
    it(`rejects ${what} at ${property}`, async () => {
      const { failures } = await s.provider.check(news, {});
      assert.deepEqual(failures.map((f) => f.property), [property], JSON.stringify(failures));
      assert.ok(failures[0].reason.includes(property), `the reason names ${property}: ${failures[0].reason}`);
      assert.match(failures[0].reason, reason);
    });
  }

  it('reports every failure of one program, each at its own path', async () => {
    const { failures } = await s.provider.check({ userDeviceQuota: 101, ...join({ scope: 'selected', groups: ['x'] }), userDeviceQuata: 1 }, {});
    assert.deepEqual(failures.map((f) => f.property).sort(), ['azureADJoin.allowedToJoin.groups[0]', 'userDeviceQuata', 'userDeviceQuota']);
  });

  it('accepts quota 2147483647 (Unlimited) and a full valid program', async () => {
    const { failures } = await s.provider.check({
      userDeviceQuota: 2147483647,
      multiFactorAuthConfiguration: 'required',
      azureADJoin: { allowedToJoin: { scope: 'selected', users: [USER_A], groups: [GROUP_A] }, localAdmins: { enableGlobalAdmins: false, registeringUsers: { scope: 'none' } } },
      azureADRegistration: { allowedToRegister: { scope: 'all' } },
      localAdminPassword: { isEnabled: true },
      onDestroy: 'restoreDefaults',
    }, {});
    assert.deepEqual(failures, []);
    assert.deepEqual(s.engine.logs, []);
  });

  for (const [what, news, message] of WARNINGS) {
    it(`warns through Engine.Log for ${what} and does not fail`, async () => {
      const { failures } = await s.provider.check(news, {});
      assert.deepEqual(failures, []);
      assert.equal(s.engine.logs.length, 1, JSON.stringify(s.engine.logs));
      const [log] = s.engine.logs;
      assert.equal(log.severity, SEVERITY.WARNING);
      assert.equal(log.urn, URN);
      assert.match(log.message, message);
    });
  }

  it('Check of already checked inputs returns them unchanged (the engine re-checks on import)', async () => {
    const once = await s.provider.check({ userDeviceQuota: 5, ...join({ scope: 'selected', users: [USER_A] }) }, {});
    const twice = await s.provider.check(once.inputs, once.inputs);
    assert.deepEqual(twice, once);
  });

  it('Check makes no Graph call', async () => {
    await s.emulator.clearRequests();
    await s.provider.check({ userDeviceQuota: 5, ...join({ scope: 'all' }) }, {});
    assert.deepEqual(await s.emulator.requests(), []);
  });
});

'use strict';
// A write whose outcome is unknown and cannot be re-read: Create must still record the resource, so the
// error carries google.rpc.Status details (trailer grpc-status-details-bin) with a
// pulumirpc.ErrorResourceInitFailed whose properties keep originalSettings (destroy needs them).
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startStack } = require('../lib/stack');
const { POLICY_PATH } = require('../lib/emulator');
const { ID } = require('../lib/launch');
const { fromGraph } = require('../lib/policy');

describe('partial failure of Create', { timeout: 60000 }, () => {
  let s;
  let failure;
  before(async () => {
    s = await startStack();
    // Each request takes the first queued fault that matches it: the adopting GET passes (a 1 ms delay),
    // the PUT's connection drops, and every re-read answers 500.
    await s.emulator.fault({ method: 'GET', delayMilliseconds: 1 });
    await s.emulator.fault({ method: 'PUT', dropConnection: true });
    await s.emulator.fault({ method: 'GET', status: 500, times: 50 });
    const { inputs } = await s.provider.check({ userDeviceQuota: 20 }, {});
    failure = await s.provider.failure(s.provider.create(inputs));
  });
  after(async () => s?.stop());

  it('makes the adopting GET, the PUT and a failed re-read', async () => {
    const requests = await s.emulator.requests();
    assert.deepEqual(requests.map((r) => `${r.method} ${r.path} ${r.status}`),
      [`GET ${POLICY_PATH} 200`, `PUT ${POLICY_PATH} 0`, `GET ${POLICY_PATH} 500`]);
  });

  it('fails with a google.rpc.Status detail pulumirpc.ErrorResourceInitFailed', () => {
    assert.ok(failure.statusDetails, `no grpc-status-details-bin trailer: ${JSON.stringify(failure)}`);
    assert.deepEqual(failure.statusDetails, ['type.googleapis.com/pulumirpc.ErrorResourceInitFailed']);
    assert.equal(failure.initFailed.id, ID);
    assert.ok(failure.initFailed.reasons.length > 0);
    assert.match(failure.initFailed.reasons.join(' '), /refresh/);
  });

  it('records originalSettings (the policy as found) in the detail', () => {
    assert.deepEqual(failure.initFailed.properties.originalSettings, fromGraph(s.emulator.seed.deviceRegistrationPolicy));
    assert.equal(failure.initFailed.properties.onDestroy, 'restoreOriginal');
  });

  it('uses a status code that tells the engine the outcome is unknown', () => {
    assert.ok(['UNKNOWN', 'INTERNAL', 'DATA_LOSS'].includes(failure.codeName), failure.codeName);
    assert.match(failure.message, /may or may not have been applied/);
  });
});

describe('partial failure of Create with onDestroy "restoreDefaults"', { timeout: 60000 }, () => {
  let s;
  before(async () => { s = await startStack(); });
  after(async () => s?.stop());

  it('records the declared onDestroy in the detail, as a successful Create would', async () => {
    await s.emulator.fault({ method: 'GET', delayMilliseconds: 1 });
    await s.emulator.fault({ method: 'PUT', dropConnection: true });
    await s.emulator.fault({ method: 'GET', status: 500, times: 50 });
    const { inputs } = await s.provider.check({ userDeviceQuota: 20, onDestroy: 'restoreDefaults' }, {});
    const failure = await s.provider.failure(s.provider.create(inputs));
    assert.ok(failure.initFailed, JSON.stringify(failure));
    assert.equal(failure.initFailed.properties.onDestroy, 'restoreDefaults');
  });
});

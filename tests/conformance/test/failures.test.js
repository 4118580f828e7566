'use strict';
// Graph failures. The engine reads the gRPC code: INTERNAL, UNKNOWN and DATA_LOSS mean "state unknown";
// any other code is a clean failure (nothing changed). Each case gets its own provider and emulator,
// so injected faults and Cancel cannot leak into another case.
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { sleep, waitFor } = require('../lib/wait');
const { withStack, READ_ROLE } = require('../lib/stack');
const { POLICY_PATH } = require('../lib/emulator');
const { fromGraph } = require('../lib/policy');
const { ID } = require('../lib/launch');

const GET = `GET ${POLICY_PATH}`;
const PUT = `PUT ${POLICY_PATH}`;
const UNCLEAN = ['INTERNAL', 'UNKNOWN', 'DATA_LOSS'];
const PROGRAM = { userDeviceQuota: 20, onDestroy: 'restoreOriginal' };

function assertClean(failure) {
  assert.ok(!UNCLEAN.includes(failure.codeName), `a clean failure, got ${failure.codeName}: ${failure.message}`);
  assert.equal(failure.initFailed, undefined);
}

async function assertTenantUnchanged(s) {
  assert.deepEqual(await s.emulator.policy(), s.emulator.seed.deviceRegistrationPolicy);
}

describe('Graph failures', { timeout: 120000 }, () => {
  it('a PUT refused with 403 is a clean failure naming the permission and the Entra role', () =>
    withStack({ roles: [READ_ROLE] }, async (s) => {
      const failure = await s.provider.failure(s.provider.create(PROGRAM));
      assertClean(failure);
      assert.equal(failure.codeName, 'PERMISSION_DENIED');
      assert.match(failure.message, /Policy\.ReadWrite\.DeviceConfiguration/);
      assert.match(failure.message, /Cloud Device Administrator/);
      assert.deepEqual(await s.emulator.calls(), [GET, PUT]);
      await assertTenantUnchanged(s);
    }));

  it('a GET answered 503 past the retries is a clean failure and nothing is written', () =>
    withStack({}, async (s) => {
      await s.emulator.fault({ method: 'GET', status: 503, retryAfterSeconds: 0, times: 10 });
      const failure = await s.provider.failure(s.provider.create(PROGRAM));
      assertClean(failure);
      assert.match(failure.message, /503/);
      const calls = await s.emulator.calls();
      assert.ok(calls.length >= 2 && calls.every((call) => call === GET), `retried GETs only: ${calls}`);
      await assertTenantUnchanged(s);
    }));

  it('a 503 that clears within the retries does not fail the operation', () =>
    withStack({}, async (s) => {
      await s.emulator.fault({ method: 'GET', status: 503, retryAfterSeconds: 0, times: 1 });
      const { properties } = await s.provider.create(PROGRAM);
      assert.equal(properties.userDeviceQuota, 20);
      const requests = await s.emulator.requests();
      assert.deepEqual(requests.map((r) => `${r.method} ${r.path} ${r.status}`), [`${GET} 503`, `${GET} 200`, `${PUT} 200`]);
    }));

  it('a PUT applied but unanswered is re-read, and Update succeeds with the applied outputs', () =>
    withStack({}, async (s) => {
      const { inputs } = await s.provider.check(PROGRAM, {});
      const created = await s.provider.create(inputs);
      const next = (await s.provider.check({ ...PROGRAM, userDeviceQuota: 25 }, inputs)).inputs;
      await s.emulator.clearRequests();
      await s.emulator.fault({ method: 'PUT', applyThenDrop: true });
      const { properties } = await s.provider.update(created.properties, next, { oldInputs: inputs });
      assert.deepEqual(await s.emulator.calls(), [GET, PUT, GET]);
      assert.equal(properties.userDeviceQuota, 25);
      assert.equal((await s.emulator.policy()).userDeviceQuota, 25);
      assert.deepEqual(properties.originalSettings, created.properties.originalSettings);
    }));

  it('an update whose PUT dropped before it applied is re-read, and the failure says nothing was applied', () =>
    withStack({}, async (s) => {
      const { inputs } = await s.provider.check(PROGRAM, {});
      const created = await s.provider.create(inputs);
      const next = (await s.provider.check({ ...PROGRAM, userDeviceQuota: 25 }, inputs)).inputs;
      await s.emulator.clearRequests();
      await s.emulator.fault({ method: 'PUT', dropConnection: true });
      const failure = await s.provider.failure(s.provider.update(created.properties, next, { oldInputs: inputs }));
      assertClean(failure);
      assert.match(failure.message, /re-read/i);
      assert.match(failure.message, /not applied/);
      assert.deepEqual(await s.emulator.calls(), [GET, PUT, GET]);
      assert.equal((await s.emulator.policy()).userDeviceQuota, 20);
    }));

  it('an adopting PUT dropped and read back as before is recorded as adopted, with the original as first read', () =>
    withStack({}, async (s) => {
      // A read right after a write may lag: it proves nothing, and a create that left no state would adopt again later.
      await s.emulator.fault({ method: 'PUT', dropConnection: true });
      const failure = await s.provider.failure(s.provider.create(PROGRAM));
      assert.match(failure.message, /may or may not have been applied/);
      assert.equal(failure.initFailed.id, 'deviceRegistrationPolicy');
      assert.equal(failure.initFailed.properties.originalSettings.userDeviceQuota, s.emulator.seed.deviceRegistrationPolicy.userDeviceQuota);
      await assertTenantUnchanged(s);
    }));

  it('an operation timeout stops a slow PUT, and the failure says the timeout ran out', () =>
    withStack({}, async (s) => {
      const { inputs } = await s.provider.check(PROGRAM, {});
      const created = await s.provider.create(inputs);
      const next = (await s.provider.check({ ...PROGRAM, userDeviceQuota: 26 }, inputs)).inputs;
      await s.emulator.fault({ method: 'PUT', delayMilliseconds: 5000 });
      const started = Date.now();
      const failure = await s.provider.failure(s.provider.update(created.properties, next, { oldInputs: inputs, timeout: 1 }));
      assert.ok(Date.now() - started < 4500, `stopped after ${Date.now() - started} ms`);
      assertClean(failure);
      assert.match(failure.message, /timeout/i);
      assert.match(failure.message, /ran out/);
      assert.equal((await s.emulator.policy()).userDeviceQuota, 20);
    }));

  it('Cancel stops an in-flight GET, and the failure says it was cancelled', () =>
    withStack({}, async (s) => {
      // A first read warms the Graph client up, so the slow GET is on the wire well within the pause below.
      await s.provider.read(ID, {}, {});
      await s.emulator.clearRequests();
      await s.emulator.fault({ method: 'GET', delayMilliseconds: 10000 });
      const started = Date.now();
      const creating = s.provider.failure(s.provider.create(PROGRAM));
      await sleep(1000);
      await s.provider.cancel();
      const failure = await creating;
      assert.ok(Date.now() - started < 5000, `stopped after ${Date.now() - started} ms`);
      assertClean(failure);
      assert.match(failure.message, /cancel/i);
      // The emulator logs the slow GET with status 0 once the provider hangs up on it.
      await waitFor(async () => (await s.emulator.requests()).length > 0, 3000);
      const requests = await s.emulator.requests();
      assert.deepEqual(requests.map((r) => `${r.method} ${r.path} ${r.status}`), [`${GET} 0`]);
      await assertTenantUnchanged(s);
    }));

  it('a policy that cannot be changed in this tenant (Intune locks registration) is refused before any write', () =>
    withStack({ intune: true }, async (s) => {
      const failure = await s.provider.failure(s.provider.create({ azureADRegistration: { allowedToRegister: { scope: 'none', users: [], groups: [] } }, onDestroy: 'restoreOriginal' }));
      assertClean(failure);
      assert.match(failure.message, /azureADRegistration\.allowedToRegister/);
      assert.deepEqual(await s.emulator.calls(), [GET]);
      assert.equal(fromGraph(await s.emulator.policy()).azureADRegistration.allowedToRegister.scope, 'all');
    }));
});

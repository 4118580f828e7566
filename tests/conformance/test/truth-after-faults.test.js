'use strict';
// After every fault the provider's answer says what the tenant holds, and no request goes where it should not.
// Each case gets its own provider and emulator, so injected faults cannot leak into another case.
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { withStack, WRITE_ROLE } = require('../lib/stack');
const { POLICY_PATH } = require('../lib/emulator');
const { fromGraph } = require('../lib/policy');
const { secret, isSecret } = require('../lib/values');

const GET = `GET ${POLICY_PATH}`;
const PUT = `PUT ${POLICY_PATH}`;
const UNCLEAN = ['INTERNAL', 'UNKNOWN', 'DATA_LOSS'];
const PROGRAM = { userDeviceQuota: 20, onDestroy: 'restoreOriginal' };
const FOREIGN_BODY = JSON.stringify({ id: 'deviceRegistrationPolicy' });
const BITLOCKER = { type: 'entradevices:index:BitLockerKeyRecoveryRestriction', name: 'bitlocker', id: 'authorizationPolicy' };
const GROUP = '0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f';

async function created(s) {
  const { inputs } = await s.provider.check(PROGRAM, {});
  const { properties } = await s.provider.create(inputs);
  await s.emulator.clearRequests();
  return { inputs, properties };
}

function nested(depth, leaf) {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

describe('the answer after a fault is the truth', { timeout: 180000 }, () => {
  it('an update whose PUT applied but answered 500 succeeds with what the tenant holds', () =>
    withStack({}, async (s) => {
      const before = await created(s);
      const next = (await s.provider.check({ ...PROGRAM, userDeviceQuota: 25 }, before.inputs)).inputs;
      await s.emulator.fault({ method: 'PUT', applyThenStatus: 500 });
      const { properties } = await s.provider.update(before.properties, next, { oldInputs: before.inputs });
      assert.equal(properties.userDeviceQuota, 25);
      assert.equal((await s.emulator.policy()).userDeviceQuota, 25);
      assert.deepEqual(await s.emulator.calls(), [GET, PUT, GET]);
    }));

  it('a create whose PUTs each applied but answered 504 succeeds and records the original as it was', () =>
    withStack({}, async (s) => {
      const original = s.emulator.seed.deviceRegistrationPolicy.userDeviceQuota;
      await s.emulator.fault({ method: 'PUT', applyThenStatus: 504, retryAfterSeconds: 0, times: 4 });
      const { properties } = await s.provider.create((await s.provider.check(PROGRAM, {})).inputs);
      assert.equal(properties.userDeviceQuota, 20);
      assert.equal(properties.originalSettings.userDeviceQuota, original);
    }));

  it('a 500 for an update PUT that did not apply is a clean failure that a re-read confirmed', () =>
    withStack({}, async (s) => {
      const { inputs } = await s.provider.check(PROGRAM, {});
      const created = await s.provider.create(inputs);
      const next = (await s.provider.check({ ...PROGRAM, userDeviceQuota: 25 }, inputs)).inputs;
      await s.emulator.clearRequests();
      await s.emulator.fault({ method: 'PUT', status: 500 });
      const failure = await s.provider.failure(s.provider.update(created.properties, next, { oldInputs: inputs }));
      assert.ok(!UNCLEAN.includes(failure.codeName), `${failure.codeName}: ${failure.message}`);
      assert.match(failure.message, /re-read shows the write was not applied/);
      assert.deepEqual(await s.emulator.calls(), [GET, PUT, GET]);
      assert.equal((await s.emulator.policy()).userDeviceQuota, 20);
    }));

  it('a BitLocker PATCH that applied but answered 500 succeeds with what the tenant holds', () =>
    withStack({ roles: [WRITE_ROLE, 'Policy.ReadWrite.Authorization'] }, async (s) => {
      const r = s.provider.resource(BITLOCKER);
      await s.emulator.fault({ method: 'PATCH', applyThenStatus: 500 });
      const { properties } = await r.create((await r.check({ restrictOwnersFromReadingKeys: true })).inputs);
      assert.equal(properties.restrictOwnersFromReadingKeys, true);
      assert.equal((await s.emulator.tenant()).authorizationPolicy.defaultUserRolePermissions.allowedToReadBitlockerKeysForOwnedDevice, false);
    }));

  it('a PUT that applied but answered with something other than the policy succeeds after a re-read', () =>
    withStack({}, async (s) => {
      await s.emulator.fault({ method: 'PUT', applyThenBody: FOREIGN_BODY });
      const { properties } = await s.provider.create((await s.provider.check(PROGRAM, {})).inputs);
      assert.equal(properties.userDeviceQuota, 20);
      assert.deepEqual(await s.emulator.calls(), [GET, PUT, GET]);
    }));

  it('a lost PUT answer whose re-read cannot be understood is "state unknown, run pulumi refresh", never INTERNAL', () =>
    withStack({}, async (s) => {
      await s.emulator.fault({ method: 'PUT', applyThenDrop: true });
      await s.emulator.fault({ method: 'GET', skip: 1, applyThenBody: FOREIGN_BODY });
      const failure = await s.provider.failure(s.provider.create(PROGRAM));
      assert.notEqual(failure.codeName, 'INTERNAL');
      assert.doesNotMatch(failure.message, /Unexpected provider error/);
      assert.match(failure.message, /pulumi refresh/);
      // The create is recorded with the settings it adopted, so destroy can still restore them.
      assert.equal(failure.initFailed.properties.originalSettings.userDeviceQuota, s.emulator.seed.deviceRegistrationPolicy.userDeviceQuota);
    }));
});

describe('requests go only to https or loopback, redirects included', { timeout: 120000 }, () => {
  for (const [method, status] of [['PUT', 307], ['PUT', 308]]) {
    it(`a PUT answered ${status} to plain http elsewhere is not followed, and the failure says so`, () =>
      withStack({}, async (s) => {
        await s.emulator.fault({ method, status, redirectTo: `http://example.invalid${POLICY_PATH}` });
        const failure = await s.provider.failure(s.provider.create(PROGRAM));
        assert.ok(!UNCLEAN.includes(failure.codeName), `${failure.codeName}: ${failure.message}`);
        assert.match(failure.message, /redirect/);
        assert.match(failure.message, /refused to send PUT to http:\/\/example\.invalid/);
        assert.match(failure.message, /Nothing was changed/);
        assert.deepEqual((await s.emulator.requests()).map((r) => r.status), [200, status]);
        assert.deepEqual(await s.emulator.policy(), s.emulator.seed.deviceRegistrationPolicy);
      }));
  }

  for (const status of [302, 307]) {
    it(`a GET answered ${status} to plain http elsewhere is a clean failure`, () =>
      withStack({}, async (s) => {
        await s.emulator.fault({ method: 'GET', status, redirectTo: `http://example.invalid${POLICY_PATH}` });
        const failure = await s.provider.failure(s.provider.read('deviceRegistrationPolicy', {}, {}));
        assert.ok(!UNCLEAN.includes(failure.codeName), `${failure.codeName}: ${failure.message}`);
        assert.match(failure.message, /refused to send GET to http:\/\/example\.invalid/);
      }));
  }

  it('a redirect to plain http on loopback is followed', () =>
    withStack({}, async (s) => {
      await s.emulator.fault({ method: 'GET', redirectTo: `${s.emulator.baseUrl}${POLICY_PATH}` });
      const { properties } = await s.provider.read('deviceRegistrationPolicy', {}, {});
      assert.equal(properties.userDeviceQuota, s.emulator.seed.deviceRegistrationPolicy.userDeviceQuota);
      assert.deepEqual((await s.emulator.requests()).map((r) => r.status), [307, 200]);
    }));

  it('a Graph call that never answers ends at requestTimeout and names the call', () =>
    withStack({ config: { requestTimeout: '1' } }, async (s) => {
      await s.emulator.fault({ method: 'GET', delayMilliseconds: 30000 });
      const failure = await s.provider.failure(s.provider.read('deviceRegistrationPolicy', {}, {}));
      assert.ok(!UNCLEAN.includes(failure.codeName), `${failure.codeName}: ${failure.message}`);
      assert.match(failure.message, /GET \/policies\/deviceRegistrationPolicy/);
      assert.match(failure.message, /within 1 s/);
    }));

  it('an endpoint that echoes the bearer token never gets it into the answer', () =>
    withStack({}, async (s) => {
      await s.emulator.fault({ method: 'GET', status: 400, echoAuthorization: true });
      const failure = await s.provider.failure(s.provider.read('deviceRegistrationPolicy', {}, {}));
      assert.match(failure.message, /Bearer \[redacted\]/);
      assert.ok(!failure.message.includes(s.accessToken), 'the token is not in the message');
      assert.ok(!failure.message.includes(s.accessToken.split('.')[1]), 'no part of the token is in the message');
    }));
});

describe('inputs that used to slip through', { timeout: 60000 }, () => {
  it('a doubly secret membership keeps its scope and its secrecy, and Create applies it', () =>
    withStack({}, async (s) => {
      const news = { azureADJoin: { allowedToJoin: secret(secret({ scope: 'none' })) }, onDestroy: 'restoreOriginal' };
      const { inputs, failures } = await s.provider.check(news, {});
      assert.deepEqual(failures, []);
      const allowed = inputs.azureADJoin.allowedToJoin;
      assert.ok(isSecret(allowed), 'still secret');
      assert.equal(allowed.value.scope, 'none');
      await s.provider.create(inputs);
      assert.equal(fromGraph(await s.emulator.policy()).azureADJoin.allowedToJoin.scope, 'none');
    }));

  it('a group id with surrounding whitespace is refused, and so is the same id twice with a trailing space', () =>
    withStack({ configure: false }, async (s) => {
      const membership = (groups) => ({ azureADJoin: { allowedToJoin: { scope: 'selected', groups } } });
      const spaced = await s.provider.check(membership([` ${GROUP}`]), {});
      assert.deepEqual(spaced.failures.map((f) => f.property), ['azureADJoin.allowedToJoin.groups[0]']);
      const twice = await s.provider.check(membership([GROUP, `${GROUP} `]), {});
      assert.deepEqual(twice.failures.map((f) => f.property), ['azureADJoin.allowedToJoin.groups[1]']);
    }));

  for (const depth of [33, 100, 300]) {
    it(`a value nested ${depth} levels deep gets a failure naming the property`, () =>
      withStack({ configure: false }, async (s) => {
        const { failures } = await s.provider.check({ userDeviceQuota: nested(depth, 'x') }, {});
        assert.deepEqual(failures.map((f) => f.property), ['userDeviceQuota']);
      }));
  }

  it('a value nested deeper than the provider reads is INVALID_ARGUMENT, never UNKNOWN', () =>
    withStack({ configure: false }, async (s) => {
      const failure = await s.provider.failure(s.provider.check({ userDeviceQuota: nested(400, 'x') }, {}));
      assert.equal(failure.codeName, 'INVALID_ARGUMENT');
      assert.match(failure.message, /nested more than/);
    }));

  it('CheckConfig reports every bad key, not only the first', () =>
    withStack({ configure: false }, async (s) => {
      const { failures } = await s.provider.checkConfig({ environment: 'mars', graphEndpoint: 'ftp://graph.microsoft.com', requestTimeout: '0' });
      assert.deepEqual(failures.map((f) => f.property), ['environment', 'graphEndpoint', 'requestTimeout']);
    }));

  it('CheckConfig never echoes a secret-marked value of a key that is not secret', () =>
    withStack({ configure: false }, async (s) => {
      const { failures } = await s.provider.checkConfig({
        environment: secret('zz-secret-cloud-zz'),
        graphEndpoint: secret('http://zz-secret-host-zz.example.test'),
      });
      assert.deepEqual(failures.map((f) => f.property), ['environment', 'graphEndpoint']);
      assert.doesNotMatch(JSON.stringify(failures), /zz-secret/);
    }));
});

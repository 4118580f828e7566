'use strict';
// Secrets: with acceptSecrets the engine sends secret wrappers and trusts the provider to keep them on
// every output at the same path. The access token must never come back in any answer, error or log.
const { describe, it, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const { waitFor } = require('../lib/wait');
const { startStack } = require('../lib/stack');
const { ID } = require('../lib/launch');
const { secret, isSecret, at } = require('../lib/values');
const { GROUP_A } = require('../lib/policy');

describe('secret inputs', { timeout: 60000 }, () => {
  let s;
  before(async () => { s = await startStack(); });
  after(async () => s?.stop());
  beforeEach(async () => s.emulator.reset());

  it('stay secret through Check, Create(preview), Create, Diff, Update(preview), Update and Read', async () => {
    const checked = await s.provider.check({ userDeviceQuota: secret(20) }, {});
    assert.deepEqual(checked.failures, []);
    assert.ok(isSecret(checked.inputs.userDeviceQuota), `Check: ${JSON.stringify(checked.inputs)}`);

    const preview = await s.provider.create(checked.inputs, { preview: true });
    assert.deepEqual(preview.properties.userDeviceQuota, secret(20), 'Create(preview)');

    const created = await s.provider.create(checked.inputs);
    assert.deepEqual(created.properties.userDeviceQuota, secret(20), 'Create');
    assert.equal((await s.emulator.policy()).userDeviceQuota, 20, 'the secret is written in the clear to Graph');

    const same = await s.provider.diff(created.properties, checked.inputs, checked.inputs);
    assert.equal(same.changes, 'DIFF_NONE', 'a secret compares by its value');

    const next = (await s.provider.check({ userDeviceQuota: secret(21) }, checked.inputs)).inputs;
    const diff = await s.provider.diff(created.properties, next, checked.inputs);
    assert.deepEqual(Object.keys(diff.detailedDiff), ['userDeviceQuota']);

    const updatePreview = await s.provider.update(created.properties, next, { oldInputs: checked.inputs, preview: true });
    assert.deepEqual(updatePreview.properties.userDeviceQuota, secret(21), 'Update(preview)');
    const updated = await s.provider.update(created.properties, next, { oldInputs: checked.inputs });
    assert.deepEqual(updated.properties.userDeviceQuota, secret(21), 'Update');

    const read = await s.provider.read(ID, updated.properties, next);
    assert.deepEqual(read.properties.userDeviceQuota, secret(21), 'Read (refresh)');
  });

  it('a secret section keeps every leaf under it secret in the outputs', async () => {
    const checked = await s.provider.check({ azureADJoin: secret({ allowedToJoin: { scope: 'selected', groups: [GROUP_A] } }) }, {});
    assert.deepEqual(checked.failures, []);
    assert.ok(isSecret(checked.inputs.azureADJoin), JSON.stringify(checked.inputs));
    const { properties } = await s.provider.create(checked.inputs);
    for (const leaf of ['azureADJoin.allowedToJoin.scope', 'azureADJoin.allowedToJoin.groups']) {
      const value = leaf.split('.').reduce((v, step) => (isSecret(v) ? v : v?.[step]), properties);
      assert.ok(isSecret(value), `${leaf} in ${JSON.stringify(properties.azureADJoin)}`);
    }
  });

  it('Check failures do not echo the value of a secret input', async () => {
    const { failures } = await s.provider.check({
      multiFactorAuthConfiguration: secret('zz-secret-mfa-zz'),
      azureADJoin: { allowedToJoin: { scope: 'selected', groups: secret(['zz-secret-group-zz']) } },
    }, {});
    assert.deepEqual(failures.map((f) => f.property).sort(), ['azureADJoin.allowedToJoin.groups[0]', 'multiFactorAuthConfiguration']);
    assert.doesNotMatch(JSON.stringify(failures), /zz-secret-/);
  });

  it('the outputs of a partly applied Create keep a secret input secret', async () => {
    // First GET passes, the PUT is applied but its answer lost, the re-read is slow; meanwhile someone
    // changes an undeclared field, so the re-read matches neither before nor desired: a partial failure.
    await s.emulator.fault({ method: 'GET', delayMilliseconds: 1 });
    await s.emulator.fault({ method: 'PUT', applyThenDrop: true });
    await s.emulator.fault({ method: 'GET', delayMilliseconds: 2000 });
    const { inputs } = await s.provider.check({ userDeviceQuota: secret(20) }, {});
    const creating = s.provider.failure(s.provider.create(inputs));
    await waitFor(async () => (await s.emulator.calls()).some((call) => call.startsWith('PUT')), 5000);
    await s.emulator.editPolicy((policy) => { policy.localAdminPassword.isEnabled = true; });
    const failure = await creating;

    assert.ok(failure.initFailed, `a partial failure carries ErrorResourceInitFailed: ${JSON.stringify(failure)}`);
    assert.equal(at(failure.initFailed.properties, 'localAdminPassword.isEnabled'), true);
    assert.deepEqual(failure.initFailed.properties.userDeviceQuota, secret(20),
      `userDeviceQuota is recorded in state as ${JSON.stringify(failure.initFailed.properties.userDeviceQuota)}`);
  });
});

describe('the access token', { timeout: 60000 }, () => {
  let s;
  const seen = [];
  before(async () => { s = await startStack(); });
  after(async () => s?.stop());

  it('never appears in any answer, error message or provider output', async () => {
    const keep = (value) => { seen.push(JSON.stringify(value)); return value; };
    const p = s.provider;
    const inputs = keep(await p.check({ userDeviceQuota: 20 }, {})).inputs;
    keep(await p.create(inputs, { preview: true }));
    const { properties } = keep(await p.create(inputs));
    keep(await p.read(ID, properties, inputs));
    keep(await p.read(ID, {}, {}));
    keep(await p.schema());
    // CheckConfig hands the config back (the token inside its secret wrapper, as it must); its failures must not.
    const config = await p.checkConfig({ graphEndpoint: s.emulator.baseUrl, accessToken: secret(s.accessToken), environment: 'mars' });
    assert.deepEqual(config.inputs.accessToken, secret(s.accessToken));
    keep(config.failures);
    keep(await p.failure(p.read('not-the-id', {}, {})));
    await s.emulator.fault({ method: 'GET', status: 401 });
    keep(await p.failure(p.read(ID, {}, {})));
    await s.emulator.fault({ method: 'PUT', status: 403 });
    keep(await p.failure(p.update(properties, { ...inputs, userDeviceQuota: 21 }, { oldInputs: inputs })));
    await s.emulator.fault({ method: 'PUT', dropConnection: true });
    keep(await p.failure(p.update(properties, { ...inputs, userDeviceQuota: 22 }, { oldInputs: inputs })));
    seen.push(p.output.stdout, p.output.stderr, JSON.stringify(s.engine.logs));

    const [header, payload] = s.accessToken.split('.');
    for (const text of seen) {
      assert.ok(!text.includes(s.accessToken), `the token leaked in ${text.slice(0, 300)}`);
      assert.ok(!text.includes(payload), `the token's payload leaked in ${text.slice(0, 300)}`);
    }
    assert.ok(header.length > 0 && seen.length >= 12);
  });
});

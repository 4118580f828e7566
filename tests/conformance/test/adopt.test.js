'use strict';
// Issue #27: a tenant set up by hand comes under code in one step. The export command (the plugin binary's `export`)
// reads the tenant and writes the stack file, the file `pulumi import --file` reads and the device list; then, as the
// engine drives the provider, `pulumi import` (Read of each id, then Check) and a preview (Check, Diff against what the
// program declares for the written stack file) show no change, so an up has nothing to send; Graph sees only reads.
// Bad sign-in, a missing permission, a tenant without Intune and a throttled tenant each get a clear answer.
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const yaml = require('js-yaml');
const { startStack } = require('../lib/stack');
const { startEmulator } = require('../lib/emulator');
const { EXECUTABLE, token, personToken } = require('../lib/launch');
const { runToEnd } = require('../lib/process');
const { programInputs } = require('../lib/program');
const hand = require('../lib/handmade-tenant');

const READ_SCOPES = ['Policy.Read.All', 'DeviceManagementServiceConfig.Read.All', 'DeviceManagementConfiguration.Read.All'];
const GLOBAL_READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';
const FIXTURE = path.resolve(__dirname, '..', '..', 'fixtures', 'adopted-tenant');

const exportTenant = (emulator, folder, accessToken, args = []) => runToEnd(EXECUTABLE, ['export', '--stack', 'adopted', '--out', 'exported', ...args], {
  cwd: folder,
  timeoutMs: 120000,
  env: { ENTRADEVICES_GRAPH_ENDPOINT: emulator.baseUrl, ENTRADEVICES_ACCESS_TOKEN: accessToken, ENTRADEVICES_REQUEST_TIMEOUT: '20' },
});
const writes = async (emulator) => (await emulator.calls()).filter((call) => !call.startsWith('GET '));

describe('adopting a tenant set up by hand', { timeout: 300000 }, () => {
  let s;
  let folder;
  let exported;
  let ids;
  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entradevices-adopt-'));
    fs.writeFileSync(path.join(folder, 'Pulumi.yaml'), 'name: entra-device-settings\nruntime: dotnet\n');
    s = await startStack({ intune: true, configure: false, cwd: folder });
    await s.provider.configure({ graphEndpoint: s.emulator.baseUrl, accessToken: personToken(['DeviceManagementConfiguration.ReadWrite.All']) });
    ids = await hand.seedHandmadeTenant(s.emulator, token(['DeviceManagementServiceConfig.ReadWrite.All']));
    ids.preparationId = await hand.seedDevicePreparation(s.emulator, s.provider);
    // From here on the provider signs in as the export does: a person who may only read.
    await s.provider.configure({ graphEndpoint: s.emulator.baseUrl, accessToken: personToken(READ_SCOPES, [GLOBAL_READER]) });
    await s.emulator.clearRequests();
  });
  after(async () => {
    await s?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('the export writes the stack file, the import file and the device list, and sends Graph nothing but reads', async () => {
    const run = await exportTenant(s.emulator, folder, personToken(READ_SCOPES, [GLOBAL_READER]));
    assert.equal(run.code, 0, run.stderr + run.stdout);
    // Reading a device preparation policy's device group is an action Graph takes as a POST; it writes nothing.
    assert.deepEqual((await writes(s.emulator)).filter((c) => !c.endsWith('/retrieveEnrollmentTimeDeviceMembershipTarget')), [], 'nothing is written to the tenant');
    exported = {
      config: yaml.load(fs.readFileSync(path.join(folder, 'exported', 'Pulumi.adopted.yaml'), 'utf8')).config,
      imports: JSON.parse(fs.readFileSync(path.join(folder, 'exported', 'import.json'), 'utf8')).resources,
      devices: fs.readFileSync(path.join(folder, 'exported', 'autopilot-devices.csv'), 'utf8').trim().split('\n'),
    };
    const section = (name) => exported.config[`entra-device-settings:${name}`];
    assert.deepEqual(section('autopilotGroup'), { create: false });
    assert.equal(section('deviceRegistrationPolicy').userDeviceQuota, 25);
    assert.deepEqual(section('deviceRegistrationPolicy').joinGroupIds, [hand.JOIN_GROUP]);
    assert.equal(section('enrollmentStatusPage').displayName, 'Sales ESP', 'the page of priority 1 is the one declared');
    assert.deepEqual(section('deploymentProfile').assignedGroupIds.sort(), [hand.DEVICE_GROUP_1, hand.DEVICE_GROUP_2]);
    assert.deepEqual(section('autopilotDevices'), { csv: 'devices/adopted', groupTag: 'Sales', whenRemoved: 'keep' });
    assert.deepEqual([section('devicePreparation').name, section('devicePreparation').deviceGroupId, section('devicePreparation').userGroupIds],
      ['Prep for sales', hand.PREPARATION_DEVICES, [hand.PREPARATION_USERS]]);
    assert.deepEqual(exported.imports.map((r) => `${r.type}::${r.name}::${r.id}`).sort(), [
      'entradevices:index:AutomaticIntuneEnrollment::automatic-intune-enrollment::0000000a-0000-0000-c000-000000000000',
      `entradevices:index:AutopilotDeploymentProfile::autopilot-deployment-profile::${ids.profileId}`,
      `entradevices:index:AutopilotDevicePreparationPolicy::device-preparation-policy::${ids.preparationId}`,
      'entradevices:index:AutopilotDevices::autopilot-devices::groupTag:Sales',
      'entradevices:index:BitLockerKeyRecoveryRestriction::bitlocker-key-recovery-restriction::authorizationPolicy',
      'entradevices:index:CorporateDeviceIdentifiers::corporate-device-identifiers::all',
      'entradevices:index:DefaultEnrollmentStatusPage::default-enrollment-status-page::defaultEnrollmentStatusPage',
      'entradevices:index:DeviceRegistrationPolicy::device-registration-policy::deviceRegistrationPolicy',
      `entradevices:index:EnrollmentStatusPage::enrollment-status-page::${ids.salesPageId}`,
    ]);
    // Identifiers are held whole by the tenant: the export writes the CSV the resource reads, and where it goes.
    assert.deepEqual(section('corporateIdentifiers'), { csv: 'devices/adopted-corporate-identifiers.csv', whenRemoved: 'keep' });
    assert.equal(fs.readFileSync(path.join(folder, 'exported', 'corporate-identifiers.csv'), 'utf8'), `${[...hand.IDENTIFIERS].sort().join('\n')}\n`);
    assert.equal(exported.devices.length, hand.DEVICE_COUNT + 1);
    assert.equal(exported.devices[0], 'Device Serial Number,Group Tag,Assigned User');
    assert.equal(exported.devices[1], 'HM-0000,Sales,person0@contoso.example');
    // The other page is named, with the argument that declares it instead; the tenant never gave a hash, so none is written.
    assert.match(run.stdout, new RegExp(`'Lab ESP' \\(${ids.labPageId}, priority 2\\).*--status-page`));
    // The second page is assigned to no group: asked for by id, it cannot be held, and the export says why.
    fs.rmSync(path.join(folder, 'lab'), { recursive: true, force: true });
    const lab = await runToEnd(EXECUTABLE, ['export', '--stack', 'adopted', '--out', 'lab', '--status-page', ids.labPageId], {
      cwd: folder,
      env: { ENTRADEVICES_GRAPH_ENDPOINT: s.emulator.baseUrl, ENTRADEVICES_ACCESS_TOKEN: personToken(READ_SCOPES, [GLOBAL_READER]) },
    });
    assert.equal(lab.code, 2, lab.stdout + lab.stderr);
    assert.match(lab.stdout, /- enrollmentStatusPage: NOT READ, so not declared: The Enrollment Status Page 'Lab ESP' .* is assigned to no group/);
    assert.match(lab.stdout, /- defaultEnrollmentStatusPage: read/);
    const written = ['Pulumi.adopted.yaml', 'import.json', 'autopilot-devices.csv', 'corporate-identifiers.csv'].map((f) => fs.readFileSync(path.join(folder, 'exported', f), 'utf8')).join('\n');
    assert.ok(!written.includes(hand.oemCsv().split('\r\n')[1].split(',')[2]), 'no hardware hash in what the export writes');
  });

  it('pulumi import of each entry, then a preview of the program for the written stack file, shows no change: an up sends nothing', async () => {
    assert.ok(exported, 'the export ran');
    fs.mkdirSync(path.join(folder, 'devices', 'adopted'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'devices', 'adopted', 'oem.csv'), hand.oemCsv());
    fs.copyFileSync(path.join(folder, 'exported', 'corporate-identifiers.csv'), path.join(folder, 'devices', 'adopted-corporate-identifiers.csv'));
    const declared = programInputs(exported.config, folder);
    assert.deepEqual(Object.keys(declared).sort(), exported.imports.map((r) => `${r.type}::${r.name}`).sort(), 'the import file names every resource the program declares');
    await s.emulator.clearRequests();
    for (const entry of exported.imports) {
      const resource = s.provider.resource({ type: entry.type, name: entry.name, id: entry.id });
      // pulumi import: Read(id only), then Check of the inputs read.
      const imported = await resource.read(entry.id, {}, {});
      assert.equal(imported.id, entry.id, `${entry.type} is found by its id`);
      const importCheck = await resource.check(imported.inputs, imported.inputs);
      assert.deepEqual(importCheck.failures, [], `${entry.type}: the import's own check`);
      // preview (and up, which runs the same steps first): Check of what the program declares, then Diff.
      const checked = await resource.check(declared[`${entry.type}::${entry.name}`], imported.inputs);
      assert.deepEqual(checked.failures, [], `${entry.type}: the program's inputs check`);
      const diff = await resource.diff(imported.properties, checked.inputs, imported.inputs);
      assert.equal(diff.changes, 'DIFF_NONE', `${entry.type}: ${JSON.stringify(diff.detailedDiff)}`);
    }
    assert.deepEqual((await writes(s.emulator)).filter((c) => !c.endsWith('/retrieveEnrollmentTimeDeviceMembershipTarget')), [],
      'import and preview read only, so an up has nothing to write');
  });

  it('the same preview does see a difference: a setting changed in the stack file, and OEM rows without the users the device list gives', async () => {
    const declared = programInputs(exported.config, folder);
    const profile = exported.imports.find((r) => r.name === 'autopilot-deployment-profile');
    const profiles = s.provider.resource({ type: profile.type, name: profile.name, id: profile.id });
    const imported = await profiles.read(profile.id, {}, {});
    const renamed = await profiles.check({ ...declared[`${profile.type}::${profile.name}`], displayName: 'Sales laptops (renamed)' }, imported.inputs);
    assert.equal((await profiles.diff(imported.properties, renamed.inputs, imported.inputs)).changes, 'DIFF_SOME');

    // As the notes say: a row must carry the user the tenant holds, or the preview shows the user being removed.
    const withoutUsers = hand.oemCsv().replace(/,person\d+@contoso\.example\r\n/g, ',\r\n');
    fs.writeFileSync(path.join(folder, 'devices', 'adopted', 'oem.csv'), withoutUsers);
    const entry = exported.imports.find((r) => r.name === 'autopilot-devices');
    const devices = s.provider.resource({ type: entry.type, name: entry.name, id: entry.id });
    const read = await devices.read(entry.id, {}, {});
    const checked = await devices.check(programInputs(exported.config, folder)[`${entry.type}::${entry.name}`], read.inputs);
    const diff = await devices.diff(read.properties, checked.inputs, read.inputs);
    assert.equal(diff.changes, 'DIFF_SOME');
    assert.equal(Object.keys(diff.detailedDiff).length, hand.DEVICE_COUNT / 10, JSON.stringify(Object.keys(diff.detailedDiff).slice(0, 3)));
    fs.writeFileSync(path.join(folder, 'devices', 'adopted', 'oem.csv'), hand.oemCsv());
  });

  it('the program mirror used above declares, for the fixture stack, what tests/Infra.Tests holds the program to', () => {
    const config = yaml.load(fs.readFileSync(path.join(FIXTURE, 'Pulumi.adopted.yaml'), 'utf8')).config;
    const expected = JSON.parse(fs.readFileSync(path.join(FIXTURE, 'program-inputs.json'), 'utf8'));
    const declared = programInputs(config, FIXTURE);
    for (const inputs of Object.values(declared)) delete inputs.csv;
    assert.deepEqual(declared, expected);
  });
});

describe('the export when the tenant or the sign-in is not as hoped', { timeout: 300000 }, () => {
  let emulator;
  let folder;
  const out = () => path.join(folder, 'exported');
  before(async () => {
    emulator = await startEmulator({ intune: true });
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entradevices-adopt-faults-'));
  });
  after(async () => {
    await emulator?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });
  const fresh = async () => {
    fs.rmSync(out(), { recursive: true, force: true });
    await emulator.clearRequests();
  };

  it('a sign-in setting that cannot work is named before any request, and nothing is written', async () => {
    await fresh();
    fs.writeFileSync(path.join(folder, 'Pulumi.adopted.yaml'), 'config:\n  entradevices:tenantId: not-a-tenant\n  entradevices:clientSecret:\n    secure: v1:abc\n');
    try {
      const run = await exportTenant(emulator, folder, undefined);
      assert.equal(run.code, 1);
      assert.match(run.stderr, /entradevices:tenantId/);
      assert.match(run.stderr, /entradevices:clientSecret is a secret in Pulumi\.adopted\.yaml, which only the Pulumi CLI decrypts: set ARM_CLIENT_SECRET/);
      assert.ok(!fs.existsSync(out()), 'nothing written');
      assert.deepEqual(await emulator.calls(), []);
    } finally {
      fs.rmSync(path.join(folder, 'Pulumi.adopted.yaml'));
    }
  });

  it('a token Graph refuses: the reason once, nothing written, exit 1', async () => {
    await fresh();
    const refused = 'a-token-graph-cannot-validate';
    const run = await exportTenant(emulator, folder, refused);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stderr, /nothing could be read, so nothing was written/);
    assert.equal(run.stderr.match(/Graph did not accept the sign-in \(401\) at any request/g)?.length, 1, run.stderr);
    assert.equal(run.stderr.match(/InvalidAuthenticationToken/g)?.length, 1, 'the refusal is said once, not per section');
    assert.ok(!fs.existsSync(out()));
    assert.ok(!run.stderr.includes(refused) && !run.stdout.includes(refused), 'the token is never shown');
  });

  it('missing permissions: each section names the one it needs, the rest is written, exit 2', async () => {
    await fresh();
    const run = await exportTenant(emulator, folder, token(['Policy.Read.All']));
    assert.equal(run.code, 2, run.stdout + run.stderr);
    const text = fs.readFileSync(path.join(out(), 'Pulumi.adopted.yaml'), 'utf8');
    assert.ok(yaml.load(text).config['entra-device-settings:deviceRegistrationPolicy'], 'what could be read is written');
    for (const section of ['enrollmentStatusPage', 'deploymentProfile', 'autopilotDevices', 'corporateIdentifiers']) {
      assert.match(run.stdout, new RegExp(`- ${section}: NOT READ, so not declared: .*DeviceManagementServiceConfig\\.Read\\.All`), section);
    }
    assert.match(run.stdout, /- devicePreparation: NOT READ, so not declared: .*DeviceManagementConfiguration\.Read\.All/);
    assert.match(run.stdout, /- automaticIntuneEnrollment: NOT READ, so not declared: Graph lets only a signed-in person/);
    assert.match(text, /# enrollmentStatusPage: not read, so not declared/);
    assert.deepEqual((await emulator.calls()).filter((c) => !c.startsWith('GET ')), []);
  });

  it('a tenant without Intune: the Entra settings are written, and the Intune sections say the tenant has no Intune', async () => {
    await emulator.putTenant({ intuneLicensed: false });
    try {
      await fresh();
      const run = await exportTenant(emulator, folder, personToken(READ_SCOPES, [GLOBAL_READER]));
      assert.equal(run.code, 2, run.stdout + run.stderr);
      const config = yaml.load(fs.readFileSync(path.join(out(), 'Pulumi.adopted.yaml'), 'utf8')).config;
      assert.ok(config['entra-device-settings:deviceRegistrationPolicy']);
      assert.ok(config['entra-device-settings:bitLockerKeyRecoveryRestriction']);
      for (const section of ['enrollmentStatusPage', 'deploymentProfile', 'autopilotDevices', 'devicePreparation', 'corporateIdentifiers']) {
        assert.equal(config[`entra-device-settings:${section}`], undefined, section);
        assert.match(run.stdout, new RegExp(`- ${section}: NOT READ, so not declared: .*Intune licen`), section);
      }
    } finally {
      await emulator.putTenant({ intuneLicensed: true });
    }
  });

  it('a throttled tenant: each 429 is waited out as told and asked again, and the export completes', async () => {
    await fresh();
    await emulator.fault({ method: 'GET', pathContains: 'windowsAutopilotDeploymentProfiles', status: 429, retryAfterSeconds: 1, times: 2 });
    const run = await exportTenant(emulator, folder, personToken(READ_SCOPES, [GLOBAL_READER]));
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const lists = (await emulator.requests()).filter((r) => r.method === 'GET' && r.path === '/beta/deviceManagement/windowsAutopilotDeploymentProfiles');
    assert.deepEqual(lists.map((r) => r.status), [429, 429, 200]);
  });

  it('throttling that outlasts the waits: that section is named as throttled, the others are written, exit 2', async () => {
    await fresh();
    await emulator.fault({ method: 'GET', pathContains: 'windowsAutopilotDeploymentProfiles', status: 429, retryAfterSeconds: 0, times: 50 });
    const run = await exportTenant(emulator, folder, personToken(READ_SCOPES, [GLOBAL_READER]));
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stdout, /- deploymentProfile: NOT READ, so not declared: .*(429|throttl)/i);
    assert.match(run.stdout, /run the export again into an empty --out folder/);
  });

  it('an id the tenant does not have, given to --status-page, is an argument error: nothing is written, exit 1', async () => {
    await fresh();
    const run = await exportTenant(emulator, folder, personToken(READ_SCOPES, [GLOBAL_READER]), ['--status-page', 'no-such-page']);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stderr, /--status-page no-such-page names no Enrollment Status Page of the tenant; it has none\. Nothing was written\./);
    assert.ok(!fs.existsSync(out()));
  });

  it('never overwrites a file: an --out folder that holds one is refused before any request', async () => {
    await fresh();
    fs.mkdirSync(out(), { recursive: true });
    fs.writeFileSync(path.join(out(), 'import.json'), 'mine');
    const run = await exportTenant(emulator, folder, token(['Policy.Read.All']));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /import\.json already exists, and the export never overwrites a file/);
    assert.equal(fs.readFileSync(path.join(out(), 'import.json'), 'utf8'), 'mine');
    assert.deepEqual(await emulator.calls(), []);
  });
});

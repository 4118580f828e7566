'use strict';
// A tenant set up by hand, as issue #27 describes it: the device registration policy changed in the portal, two
// Enrollment Status Pages (one with settings the program does not declare), a deployment profile assigned to two
// groups, 200 Autopilot devices (one group tag, some with users) and three Windows corporate identifiers. Made through Graph, as the admin center would.
const crypto = require('node:crypto');

const JOIN_GROUP = '0b1d3c77-0000-4000-8000-00000000a001';
const ADMIN_USER = '0b1d3c77-0000-4000-8000-00000000a002';
const DEVICE_GROUP_1 = '0b1d3c77-0000-4000-8000-00000000b001';
const DEVICE_GROUP_2 = '0b1d3c77-0000-4000-8000-00000000b002';
const PAGE_TYPE = '#microsoft.graph.windows10EnrollmentCompletionPageConfiguration';
const PAGES = '/beta/deviceManagement/deviceEnrollmentConfigurations';
const PROFILES = '/beta/deviceManagement/windowsAutopilotDeploymentProfiles';
const IMPORT = '/v1.0/deviceManagement/importedWindowsAutopilotDeviceIdentities/import';
const DEVICE_COUNT = 200;
const IDENTIFIERS = ['Dell Inc,Latitude 7450,HMID0001', 'Dell Inc,Latitude 7450,HMID0002', 'Lenovo,ThinkPad T14,HMID0003'];
const PROVISIONING_CLIENT = 'f1346770-5b25-470b-88bd-d5744ab7952c';
const PROVISIONING_SP = '0b1d3c77-0000-4000-8000-00000000c001';
const PREPARATION_DEVICES = '0b1d3c77-0000-4000-8000-00000000c002';
const PREPARATION_USERS = '0b1d3c77-0000-4000-8000-00000000c003';

const serialOf = (i) => `HM-${String(i).padStart(4, '0')}`;
const userOf = (i) => (i % 10 === 0 ? `person${i}@contoso.example` : '');
/** A hash made for the test: 1,280 bytes, as long as a real one, never a real device's. */
const hashOf = (serial) => Buffer.concat(Array(20).fill(crypto.createHash('sha512').update(serial).digest())).toString('base64');

/** The OEM's CSV of the 200 devices (with Group Tag and Assigned User columns), as the user supplies it after the export. */
function oemCsv() {
  const rows = Array.from({ length: DEVICE_COUNT }, (_, i) => `${serialOf(i)},,${hashOf(serialOf(i))},Sales,${userOf(i)}`);
  return `${['Device Serial Number,Windows Product ID,Hardware Hash,Group Tag,Assigned User', ...rows].join('\r\n')}\r\n`;
}

async function seedHandmadeTenant(emulator, accessToken) {
  const graph = async (method, route, body) => {
    const response = await fetch(`${emulator.baseUrl}${route}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  };

  await emulator.editPolicy((policy) => {
    policy.userDeviceQuota = 25;
    policy.multiFactorAuthConfiguration = 'required';
    policy.azureADJoin.allowedToJoin = { '@odata.type': '#microsoft.graph.enumeratedDeviceRegistrationMembership', users: [], groups: [JOIN_GROUP] };
    policy.azureADJoin.localAdmins = {
      enableGlobalAdmins: false,
      registeringUsers: { '@odata.type': '#microsoft.graph.enumeratedDeviceRegistrationMembership', users: [ADMIN_USER], groups: [] },
    };
    policy.localAdminPassword = { isEnabled: true };
  });

  const sales = await graph('POST', PAGES, {
    '@odata.type': PAGE_TYPE,
    displayName: 'Sales ESP',
    description: 'made by hand',
    showInstallationProgress: true,
    installProgressTimeoutInMinutes: 90,
    customErrorMessage: 'Call the help desk at 555-0100.',
    allowDeviceUseOnInstallFailure: true,
    allowLogCollectionOnInstallFailure: true,
    installQualityUpdates: true,
  });
  await graph('POST', `${PAGES}/${sales.id}/assign`, {
    enrollmentConfigurationAssignments: [{ target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: DEVICE_GROUP_1 } }],
  });
  const lab = await graph('POST', PAGES, { '@odata.type': PAGE_TYPE, displayName: 'Lab ESP', showInstallationProgress: false });

  const profile = await graph('POST', PROFILES, {
    '@odata.type': '#microsoft.graph.azureADWindowsAutopilotDeploymentProfile',
    displayName: 'Sales laptops',
    description: 'user-driven, made in the portal',
    deviceNameTemplate: 'SALES-%RAND:5%',
    locale: 'en-GB',
    outOfBoxExperienceSetting: { privacySettingsHidden: true, eulaHidden: true, userType: 'standard', deviceUsageType: 'singleUser', escapeLinkHidden: true },
  });
  for (const groupId of [DEVICE_GROUP_1, DEVICE_GROUP_2]) {
    await graph('POST', `${PROFILES}/${profile.id}/assignments`, { target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId } });
  }

  await graph('POST', IMPORT, {
    importedWindowsAutopilotDeviceIdentities: Array.from({ length: DEVICE_COUNT }, (_, i) => ({
      serialNumber: serialOf(i),
      hardwareIdentifier: hashOf(serialOf(i)),
      groupTag: 'Sales',
      assignedUserPrincipalName: userOf(i),
      state: { deviceImportStatus: 'unknown' },
    })),
  });
  await graph('POST', '/beta/deviceManagement/importedDeviceIdentities/importDeviceIdentityList', {
    importedDeviceIdentities: IDENTIFIERS.map((importedDeviceIdentifier) => ({ importedDeviceIdentifier, importedDeviceIdentityType: 'manufacturerModelSerial' })),
    overwriteImportedDeviceIdentities: false,
  });
  return { salesPageId: sales.id, labPageId: lab.id, profileId: profile.id };
}

/**
 * A device preparation policy, made through the provider's own resource (its Graph calls are the admin center's: the
 * policy, the device group's bind, the assignment); `provider` is configured with a person's token that may write it.
 */
async function seedDevicePreparation(emulator, provider) {
  await emulator.putTenant({
    directory: {
      servicePrincipals: [{ id: PROVISIONING_SP, appId: PROVISIONING_CLIENT, displayName: 'Intune Provisioning Client' }],
      groups: [{ id: PREPARATION_DEVICES, displayName: 'Prep devices', securityEnabled: true, mailEnabled: false, groupTypes: [], owners: [PROVISIONING_SP] }],
    },
  });
  const resource = provider.resource({ type: 'entradevices:index:AutopilotDevicePreparationPolicy', name: 'by-hand' });
  const { inputs } = await resource.check({
    name: 'Prep for sales', timeoutMinutes: 120, allowSkip: true, customErrorMessage: 'Ring 555-0100', deviceGroup: PREPARATION_DEVICES, userGroups: [PREPARATION_USERS],
  });
  return (await resource.create(inputs)).id;
}

module.exports = { seedHandmadeTenant, seedDevicePreparation, oemCsv, IDENTIFIERS, PREPARATION_DEVICES, PREPARATION_USERS, JOIN_GROUP, ADMIN_USER, DEVICE_GROUP_1, DEVICE_GROUP_2, DEVICE_COUNT };

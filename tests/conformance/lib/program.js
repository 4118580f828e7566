'use strict';
// What the program (infra/DeviceSettingsProgram.cs) declares for a stack configuration that creates no group: the
// inputs of each of this provider's resources, keyed "<type>::<name>". The program itself needs the Pulumi packages,
// which this machine's test run may not have; tests/Infra.Tests runs it on tests/fixtures/adopted-tenant/ and holds
// its inputs to program-inputs.json there, and adopt.test.js holds this mirror to the same file.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { SIG } = require('./values');

const PROJECT = 'entra-device-settings';
const FILE_ASSET = 'c44067f5952c0a294b673a41bacd8c17';
const FILE_ARCHIVE = '0def7320c3a5731c473e5ecbe6d01bc7';

const pick = (section, keys) => Object.fromEntries(keys.filter((k) => section[k] !== undefined).map((k) => [k, section[k]]));
const membership = (scope, users, groups) => (scope === 'selected' ? { scope, users: users ?? [], groups: groups ?? [] } : { scope });
const PAGE_KEYS = ['showInstallationProgress', 'installProgressTimeoutInMinutes', 'customErrorMessage', 'allowDeviceUseOnInstallFailure',
  'allowDeviceResetOnInstallFailure', 'allowLogCollectionOnInstallFailure', 'blockDeviceSetupRetryByUser', 'trackInstallProgressForAutopilotOnly'];

function policy(c) {
  const inputs = pick(c, ['userDeviceQuota', 'onDestroy']);
  if (c.requireMfa !== undefined) inputs.multiFactorAuthConfiguration = c.requireMfa ? 'required' : 'notRequired';
  const join = {};
  if (c.joinScope !== undefined) join.allowedToJoin = membership(c.joinScope, c.joinUserIds, c.joinGroupIds);
  if (c.globalAdminsAsLocalAdmins !== undefined || c.registeringUsersLocalAdminScope !== undefined) {
    join.localAdmins = pick({ enableGlobalAdmins: c.globalAdminsAsLocalAdmins }, ['enableGlobalAdmins']);
    if (c.registeringUsersLocalAdminScope !== undefined) {
      join.localAdmins.registeringUsers = membership(c.registeringUsersLocalAdminScope, c.registeringUsersLocalAdminUserIds, c.registeringUsersLocalAdminGroupIds);
    }
  }
  if (Object.keys(join).length > 0) inputs.azureADJoin = join;
  if (c.lapsEnabled !== undefined) inputs.localAdminPassword = { isEnabled: c.lapsEnabled };
  return inputs;
}

/** The FileAsset or FileArchive the SDK sends for a path of the program folder, hashed as the engine hashes its bytes. */
function asset(folder, relative) {
  const full = path.join(folder, relative);
  if (!fs.existsSync(full) || !fs.statSync(full).isDirectory()) {
    const bytes = fs.existsSync(full) ? fs.readFileSync(full) : Buffer.alloc(0);
    return { [SIG]: FILE_ASSET, hash: crypto.createHash('sha256').update(bytes).digest('hex'), path: relative };
  }
  const hash = crypto.createHash('sha256');
  for (const name of fs.readdirSync(full).sort()) hash.update(name).update(fs.readFileSync(path.join(full, name)));
  return { [SIG]: FILE_ARCHIVE, hash: hash.digest('hex'), path: relative };
}

/** The parsed stack file's config → { "<type>::<name>": inputs }, for the sections the export writes. */
function programInputs(config, folder) {
  const section = (name) => config[`${PROJECT}:${name}`];
  if (section('autopilotGroup')?.create !== false) throw new Error('the mirror covers stacks that create no Autopilot device group');
  const declared = {};
  if (section('deviceRegistrationPolicy')) declared['entradevices:index:DeviceRegistrationPolicy::device-registration-policy'] = policy(section('deviceRegistrationPolicy'));
  if (section('bitLockerKeyRecoveryRestriction')) {
    declared['entradevices:index:BitLockerKeyRecoveryRestriction::bitlocker-key-recovery-restriction'] = pick(section('bitLockerKeyRecoveryRestriction'), ['restrictOwnersFromReadingKeys']);
  }
  const enrollment = section('automaticIntuneEnrollment');
  if (enrollment) {
    declared['entradevices:index:AutomaticIntuneEnrollment::automatic-intune-enrollment'] = Object.fromEntries(['mdm', 'mam']
      .filter((s) => enrollment[`${s}Scope`] !== undefined)
      .map((s) => [s, { appliesTo: enrollment[`${s}Scope`], includedGroups: enrollment[`${s}GroupIds`] ?? [] }]));
  }
  const defaultPage = section('defaultEnrollmentStatusPage');
  if (defaultPage) declared['entradevices:index:DefaultEnrollmentStatusPage::default-enrollment-status-page'] = pick(defaultPage, PAGE_KEYS);
  const page = section('enrollmentStatusPage');
  if (page?.create) {
    declared['entradevices:index:EnrollmentStatusPage::enrollment-status-page'] = { ...pick(page, ['displayName', ...PAGE_KEYS]), assignments: page.assignedGroupIds ?? [] };
  }
  const profile = section('deploymentProfile');
  if (profile?.create) {
    declared['entradevices:index:AutopilotDeploymentProfile::autopilot-deployment-profile'] = {
      ...pick(profile, ['displayName', 'description', 'locale', 'deviceNameTemplate', 'preprovisioningAllowed', 'hardwareHashExtractionEnabled']),
      outOfBoxExperienceSetting: pick(profile, ['privacySettingsHidden', 'eulaHidden', 'keyboardSelectionPageSkipped', 'escapeLinkHidden', 'userType']),
      assignments: { groups: profile.assignedGroupIds ?? [], ...(profile.excludedGroupIds ? { excludedGroups: profile.excludedGroupIds } : {}) },
    };
  }
  const devices = section('autopilotDevices');
  if (devices) {
    declared['entradevices:index:AutopilotDevices::autopilot-devices'] = { csv: asset(folder, devices.csv), ...pick(devices, ['groupTag', 'assignedUser', 'whenRemoved']) };
  }
  const preparation = section('devicePreparation');
  if (preparation?.create) {
    declared['entradevices:index:AutopilotDevicePreparationPolicy::device-preparation-policy'] = {
      ...pick(preparation, ['name', 'description', 'userAccountType', 'timeoutMinutes', 'customErrorMessage', 'allowSkip', 'allowDiagnostics']),
      deviceGroup: preparation.deviceGroupId,
      userGroups: preparation.userGroupIds ?? [],
      ...(preparation.allowedApps ? { allowedApps: preparation.allowedApps } : {}),
      ...(preparation.allowedScriptIds ? { allowedScripts: preparation.allowedScriptIds } : {}),
    };
  }
  const identifiers = section('corporateIdentifiers');
  if (identifiers) {
    declared['entradevices:index:CorporateDeviceIdentifiers::corporate-device-identifiers'] = { csv: asset(folder, identifiers.csv), ...pick(identifiers, ['whenRemoved']) };
  }
  return declared;
}

module.exports = { programInputs, PROJECT };

'use strict';
// The resource's view of a Graph deviceRegistrationPolicy document, to compare outputs with the emulated tenant.

const SCOPES = {
  '#microsoft.graph.allDeviceRegistrationMembership': 'all',
  '#microsoft.graph.noDeviceRegistrationMembership': 'none',
  '#microsoft.graph.enumeratedDeviceRegistrationMembership': 'selected',
};

const membership = (m) => ({ scope: SCOPES[m['@odata.type']], users: m.users ?? [], groups: m.groups ?? [] });

/** A Graph policy as the resource's settings object (the shape of outputs.originalSettings). */
function fromGraph(policy) {
  return {
    userDeviceQuota: policy.userDeviceQuota,
    multiFactorAuthConfiguration: policy.multiFactorAuthConfiguration,
    azureADJoin: {
      allowedToJoin: membership(policy.azureADJoin.allowedToJoin),
      localAdmins: {
        enableGlobalAdmins: policy.azureADJoin.localAdmins.enableGlobalAdmins,
        registeringUsers: membership(policy.azureADJoin.localAdmins.registeringUsers),
      },
      isAdminConfigurable: policy.azureADJoin.isAdminConfigurable,
    },
    azureADRegistration: {
      allowedToRegister: membership(policy.azureADRegistration.allowedToRegister),
      isAdminConfigurable: policy.azureADRegistration.isAdminConfigurable,
    },
    localAdminPassword: { isEnabled: policy.localAdminPassword.isEnabled },
  };
}

/** Settings without the read-only isAdminConfigurable flags. */
function writable(settings) {
  const { isAdminConfigurable: _join, ...azureADJoin } = settings.azureADJoin;
  const { isAdminConfigurable: _registration, ...azureADRegistration } = settings.azureADRegistration;
  return { ...settings, azureADJoin, azureADRegistration };
}

/** Every writable leaf of the resource (what import must declare and a PUT must carry). */
const WRITABLE_LEAVES = [
  'userDeviceQuota',
  'multiFactorAuthConfiguration',
  'azureADJoin.allowedToJoin.scope',
  'azureADJoin.allowedToJoin.users',
  'azureADJoin.allowedToJoin.groups',
  'azureADJoin.localAdmins.enableGlobalAdmins',
  'azureADJoin.localAdmins.registeringUsers.scope',
  'azureADJoin.localAdmins.registeringUsers.users',
  'azureADJoin.localAdmins.registeringUsers.groups',
  'azureADRegistration.allowedToRegister.scope',
  'azureADRegistration.allowedToRegister.users',
  'azureADRegistration.allowedToRegister.groups',
  'localAdminPassword.isEnabled',
];

const GROUP_A = '8f0e1f5a-2b61-4f64-9a7e-0c1d2e3f4a5b';
const GROUP_B = '5d6c7b8a-9e0f-4a1b-8c2d-3e4f5a6b7c8d';
const USER_A = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';

module.exports = { fromGraph, writable, WRITABLE_LEAVES, GROUP_A, GROUP_B, USER_A };

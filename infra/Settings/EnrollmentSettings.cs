namespace Infra.Settings;

/// <summary>
/// One user scope of automatic Intune enrollment (MDM or MAM): who it applies to. Group ids are lower-case GUIDs,
/// non-empty only when <see cref="Scope"/> is "selected".
/// </summary>
internal sealed record UserScopeSettings(MembershipScope Scope, IReadOnlyList<string> GroupIds);

/// <summary>Automatic Intune enrollment (step 1 of the journey); a <see langword="null"/> scope is left as the tenant has it.</summary>
internal sealed record EnrollmentSettings(UserScopeSettings? Mdm, UserScopeSettings? Mam);

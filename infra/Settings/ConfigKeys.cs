namespace Infra.Settings;

/// <summary>
/// The stack configuration keys this program reads, without the project namespace
/// (in a stack file they are written <c>entra-device-settings:joinScope</c>, and so on).
/// </summary>
internal static class ConfigKeys
{
    public const string JoinScope = "joinScope";
    public const string CreateJoinGroup = "createJoinGroup";
    public const string JoinGroupName = "joinGroupName";
    public const string JoinGroupIds = "joinGroupIds";
    public const string JoinUserIds = "joinUserIds";
    public const string UserDeviceQuota = "userDeviceQuota";
    public const string RequireMfa = "requireMfa";
    public const string GlobalAdminsAsLocalAdmins = "globalAdminsAsLocalAdmins";
    public const string RegisteringUsersLocalAdminScope = "registeringUsersLocalAdminScope";
    public const string RegisteringUsersLocalAdminUserIds = "registeringUsersLocalAdminUserIds";
    public const string RegisteringUsersLocalAdminGroupIds = "registeringUsersLocalAdminGroupIds";
    public const string LapsEnabled = "lapsEnabled";
    public const string CreateLocalAdminsGroup = "createLocalAdminsGroup";
    public const string LocalAdminsGroupName = "localAdminsGroupName";
    public const string CreateAutopilotGroup = "createAutopilotGroup";
    public const string AutopilotGroupName = "autopilotGroupName";
    public const string RestrictBitLockerKeySelfRecovery = "restrictBitLockerKeySelfRecovery";
    public const string OnDestroy = "onDestroy";

    /// <summary>Every key, in the order the README documents them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        JoinScope,
        CreateJoinGroup,
        JoinGroupName,
        JoinGroupIds,
        JoinUserIds,
        UserDeviceQuota,
        RequireMfa,
        GlobalAdminsAsLocalAdmins,
        RegisteringUsersLocalAdminScope,
        RegisteringUsersLocalAdminUserIds,
        RegisteringUsersLocalAdminGroupIds,
        LapsEnabled,
        CreateLocalAdminsGroup,
        LocalAdminsGroupName,
        CreateAutopilotGroup,
        AutopilotGroupName,
        RestrictBitLockerKeySelfRecovery,
        OnDestroy,
    ];
}

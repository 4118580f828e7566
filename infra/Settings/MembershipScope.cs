namespace Infra.Settings;

/// <summary>Who a device registration setting applies to, as the provider's <c>Membership.scope</c> spells it.</summary>
internal enum MembershipScope
{
    All,
    Selected,
    None,
}

internal static class MembershipScopeExtensions
{
    /// <summary>The accepted configuration spellings, which are also the provider's values.</summary>
    public static readonly IReadOnlyList<string> AcceptedValues = ["all", "selected", "none"];

    public static string ToContractValue(this MembershipScope scope) => scope switch
    {
        MembershipScope.All => "all",
        MembershipScope.Selected => "selected",
        MembershipScope.None => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };

    public static MembershipScope FromContractValue(string value) => value switch
    {
        "all" => MembershipScope.All,
        "selected" => MembershipScope.Selected,
        "none" => MembershipScope.None,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };
}

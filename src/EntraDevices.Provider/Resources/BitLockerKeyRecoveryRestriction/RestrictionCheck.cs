using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.BitLockerKeyRecoveryRestriction.RestrictionProperties;

namespace EntraDevices.Provider.Resources.BitLockerKeyRecoveryRestriction;

/// <summary>Plan-time validation of the resource's one input; never calls Graph.</summary>
internal static class RestrictionCheck
{
    public static CheckResult Check(ObjectValue news)
    {
        var rules = new InputRules(news);
        rules.Object("", [RestrictOwnersFromReadingKeys], new Dictionary<string, string>
        {
            [OriginalValue] = "it records the setting as found when the stack adopted it.",
        });
        rules.Bool(RestrictOwnersFromReadingKeys);
        return new CheckResult(news, rules.Failures, rules.Warnings);
    }

    /// <summary>The declared value, or null when undeclared (the tenant keeps what it has).</summary>
    public static bool? Declared(ObjectValue inputs) =>
        inputs.At(RestrictOwnersFromReadingKeys)?.Plain is BoolValue declared ? declared.Value : null;
}

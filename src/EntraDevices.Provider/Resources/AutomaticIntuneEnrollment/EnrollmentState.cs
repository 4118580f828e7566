using EntraDevices.Graph.AutomaticIntuneEnrollment;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.AutomaticIntuneEnrollment.EnrollmentProperties;

namespace EntraDevices.Provider.Resources.AutomaticIntuneEnrollment;

/// <summary>Pure mapping between <see cref="AutomaticEnrollment"/> and the resource's property objects.</summary>
internal static class EnrollmentState
{
    public static ObjectValue Settings(AutomaticEnrollment enrollment) =>
        ObjectValue.Of((Mdm, Policy(enrollment.Mdm)), (Mam, Policy(enrollment.Mam)));

    /// <summary>Inputs that declare every field as found (a URL the tenant lacks stays undeclared): what <c>pulumi import</c> records.</summary>
    public static ObjectValue ImportedInputs(AutomaticEnrollment live) => ObjectValue.Of(
        (Mdm, Policy(live.Mdm, skipMissing: true)),
        (Mam, Policy(live.Mam, skipMissing: true)));

    /// <summary>Reads both scopes back from a property object (e.g. <c>originalSettings</c> in state); null if incomplete.</summary>
    public static AutomaticEnrollment? ReadSettings(PropertyValue? value) =>
        value?.Plain is ObjectValue obj && ReadPolicy(obj, Mdm) is { } mdm && ReadPolicy(obj, Mam) is { } mam ? new AutomaticEnrollment(mdm, mam) : null;

    private static ObjectValue Policy(MobilityPolicy policy, bool skipMissing = false)
    {
        var properties = new Dictionary<string, PropertyValue>
        {
            [AppliesTo] = new StringValue(MobilityPolicyMapping.ToGraph(policy.AppliesTo)),
            [IncludedGroups] = ArrayValue.Of(policy.IncludedGroups),
        };
        foreach (var (name, url) in new[] { (DiscoveryUrl, policy.DiscoveryUrl), (TermsOfUseUrl, policy.TermsOfUseUrl), (ComplianceUrl, policy.ComplianceUrl) })
        {
            if (url is not null || !skipMissing)
            {
                properties[name] = url is null ? PropertyValue.Null : new StringValue(url);
            }
        }

        return new ObjectValue(properties);
    }

    private static MobilityPolicy? ReadPolicy(ObjectValue obj, string policy)
    {
        var declared = DeclaredPolicy.Read(obj, policy);
        return declared.AppliesTo is { } scope && obj.At($"{policy}.{IncludedGroups}")?.Plain is ArrayValue
            ? new MobilityPolicy(scope, declared.IncludedGroups, declared.DiscoveryUrl, declared.TermsOfUseUrl, declared.ComplianceUrl)
            : null;
    }
}

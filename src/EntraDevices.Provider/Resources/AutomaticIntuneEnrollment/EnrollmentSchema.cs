using System.Text.Json.Nodes;
using static EntraDevices.Provider.Resources.AutomaticIntuneEnrollment.EnrollmentProperties;
using static EntraDevices.Provider.Resources.SchemaBuilder;

namespace EntraDevices.Provider.Resources.AutomaticIntuneEnrollment;

/// <summary>The resource's part of the package schema: what users see in generated SDKs and docs.</summary>
internal static class EnrollmentSchema
{
    private const string Scope = "#/types/entradevices:index:MobilityUserScope";
    private const string Effective = "#/types/entradevices:index:MobilityUserScopeSettings";

    public static JsonObject Resource() => new()
    {
        ["description"] = "Automatic Intune enrollment (Microsoft Entra admin center: Mobility (MDM and WIP) > Microsoft Intune): the MDM user scope, the MAM user scope and their URLs. "
            + "Step 1 of Windows Autopilot user-driven Microsoft Entra join: without an MDM user scope, devices join Entra but never enroll in Intune. "
            + "A singleton with id `0000000a-0000-0000-c000-000000000000` (the Microsoft Intune application): creating it adopts both scopes and changes only what the program declares; destroying it puts those fields back as found. "
            + "Graph (beta) offers no application permission for it: only a signed-in person with Policy.ReadWrite.MobilityManagement (delegated) and at least the Cloud Device Administrator role can read or change it, so app-only runs (client secret, OIDC) are refused before any Graph call.",
        ["inputProperties"] = new JsonObject
        {
            [Mdm] = Ref(Scope, "The MDM user scope: who enrolls their Windows devices in Intune automatically at Entra join. Undeclared: left as the tenant has it."),
            [Mam] = Ref(Scope, "The MAM user scope: who gets app protection without enrollment. Undeclared: left as the tenant has it."),
        },
        ["properties"] = new JsonObject
        {
            [Mdm] = Ref(Effective, "The effective MDM user scope and URLs."),
            [Mam] = Ref(Effective, "The effective MAM user scope and URLs."),
            [OriginalSettings] = Ref("#/types/entradevices:index:AutomaticEnrollmentSettings", "Both user scopes as found when this stack adopted them; destroy restores the declared fields from it."),
        },
        ["required"] = new JsonArray(Mdm, Mam, OriginalSettings),
    };

    public static JsonObject Types() => new()
    {
        ["entradevices:index:MobilityUserScope"] = Object("Who a mobility policy applies to (portal: None / Some / All), and its URLs.", ScopeProperties()),
        ["entradevices:index:MobilityUserScopeSettings"] = Object("A mobility policy's effective user scope, groups and URLs.", ScopeProperties(), AppliesTo, IncludedGroups),
        ["entradevices:index:AutomaticEnrollmentSettings"] = Object("Both user scopes of the Microsoft Intune application.", new JsonObject
        {
            [Mdm] = Ref(Effective, "The MDM user scope."),
            [Mam] = Ref(Effective, "The MAM user scope."),
        }, Mdm, Mam),
    };

    private static JsonObject ScopeProperties() => new()
    {
        [AppliesTo] = String("\"none\", \"all\" or \"selected\" (portal: Some). \"selected\" needs includedGroups."),
        [IncludedGroups] = Strings("With appliesTo \"selected\": the group object ids (GUIDs) it applies to; only the groups added or removed are sent."),
        [DiscoveryUrl] = String("The enrollment discovery URL (https). Intune's MDM value: https://enrollment.manage.microsoft.com/enrollmentserver/discovery.svc; MAM: https://wip.mam.manage.microsoft.com/Enroll. Undeclared: left as the tenant has it."),
        [TermsOfUseUrl] = String("The terms of use URL (https). Intune's value: https://portal.manage.microsoft.com/TermsofUse.aspx. Undeclared: left as the tenant has it."),
        [ComplianceUrl] = String("The compliance URL (https). Intune's value: https://portal.manage.microsoft.com/?portalAction=Compliance. Undeclared: left as the tenant has it."),
    };
}

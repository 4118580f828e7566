using System.Text.Json.Nodes;
using static EntraDevices.Provider.Resources.SchemaBuilder;

namespace EntraDevices.Provider.Resources.DeviceRegistrationPolicy;

/// <summary>The resource's part of the package schema: what users see in generated SDKs and docs.</summary>
internal static class PolicySchema
{
    private const string Membership = "#/types/entradevices:index:Membership";

    public static JsonObject Resource()
    {
        var inputs = new JsonObject
        {
            ["userDeviceQuota"] = Integer("Maximum number of devices per user (portal: \"Maximum number of devices per user\"): 0 to 100, or 2147483647 for Unlimited. Undeclared: left as the tenant has it."),
            ["multiFactorAuthConfiguration"] = String("\"required\" or \"notRequired\": whether users must pass MFA to register or join devices. Must be \"notRequired\" when a Conditional Access policy for \"Register or join devices\" is used."),
            ["azureADJoin"] = Ref("#/types/entradevices:index:AzureADJoin", "Microsoft Entra join: who may join devices and who becomes local administrator at join."),
            ["azureADRegistration"] = Ref("#/types/entradevices:index:AzureADRegistration", "Microsoft Entra registration: who may register devices. Locked to all users where Intune or MDM enrollment is enabled."),
            ["localAdminPassword"] = Ref("#/types/entradevices:index:LocalAdminPassword", "Microsoft Entra Local Administrator Password Solution (LAPS)."),
            ["onDestroy"] = String("What `pulumi destroy` does to the fields this program declares: \"restoreOriginal\" (default) puts back the values found when the stack adopted the policy; \"restoreDefaults\" sets Entra's defaults. Undeclared fields are never touched."),
        };
        var outputs = new JsonObject
        {
            ["userDeviceQuota"] = Integer("The effective maximum number of devices per user."),
            ["multiFactorAuthConfiguration"] = String("The effective MFA requirement: \"required\" or \"notRequired\"."),
            ["azureADJoin"] = Ref("#/types/entradevices:index:AzureADJoinSettings", "The effective Microsoft Entra join settings."),
            ["azureADRegistration"] = Ref("#/types/entradevices:index:AzureADRegistrationSettings", "The effective Microsoft Entra registration settings."),
            ["localAdminPassword"] = Ref("#/types/entradevices:index:LocalAdminPassword", "The effective LAPS setting."),
            ["onDestroy"] = String("What destroy will do: \"restoreOriginal\" or \"restoreDefaults\"."),
            ["originalSettings"] = Ref("#/types/entradevices:index:DeviceRegistrationSettings", "The policy as found when this stack adopted it; destroy restores the declared fields from it."),
        };
        return new JsonObject
        {
            ["description"] = "The tenant-wide device registration policy (Microsoft Entra admin center: Devices > Device settings). A singleton with id `deviceRegistrationPolicy`: creating it adopts the tenant's policy and changes only the fields the program declares; destroying it puts those fields back. Needs the Microsoft Graph permission Policy.ReadWrite.DeviceConfiguration (Entra role Cloud Device Administrator for a signed-in user).",
            ["inputProperties"] = inputs,
            ["properties"] = outputs,
            ["required"] = new JsonArray("userDeviceQuota", "multiFactorAuthConfiguration", "azureADJoin", "azureADRegistration", "localAdminPassword", "onDestroy", "originalSettings"),
        };
    }

    public static JsonObject Types() => new()
    {
        ["entradevices:index:Membership"] = Object("Who a setting applies to (portal: All / Selected / None).", new JsonObject
        {
            ["scope"] = String("\"all\", \"selected\" or \"none\"."),
            ["users"] = Strings("With scope \"selected\": user object ids (GUIDs)."),
            ["groups"] = Strings("With scope \"selected\": group object ids (GUIDs)."),
        }, "scope"),
        ["entradevices:index:AzureADJoin"] = Object("Microsoft Entra join settings.", JoinProperties()),
        ["entradevices:index:AzureADJoinSettings"] = Object("Effective Microsoft Entra join settings.", WithFlag(JoinProperties()), "allowedToJoin", "localAdmins", "isAdminConfigurable"),
        ["entradevices:index:LocalAdmins"] = Object("Local administrators added to a device during Microsoft Entra join.", new JsonObject
        {
            ["enableGlobalAdmins"] = Boolean("Whether the Global Administrator role is added as local administrator during join (future joins only)."),
            ["registeringUsers"] = Ref(Membership, "Which registering users are added as local administrator during join."),
        }),
        ["entradevices:index:AzureADRegistration"] = Object("Microsoft Entra registration settings.", RegistrationProperties()),
        ["entradevices:index:AzureADRegistrationSettings"] = Object("Effective Microsoft Entra registration settings.", WithFlag(RegistrationProperties()), "allowedToRegister", "isAdminConfigurable"),
        ["entradevices:index:LocalAdminPassword"] = Object("Microsoft Entra LAPS.", new JsonObject
        {
            ["isEnabled"] = Boolean("Whether Microsoft Entra Local Administrator Password Solution is enabled."),
        }),
        ["entradevices:index:DeviceRegistrationSettings"] = Object("Every writable field of the device registration policy.", new JsonObject
        {
            ["userDeviceQuota"] = Integer("Maximum number of devices per user."),
            ["multiFactorAuthConfiguration"] = String("\"required\" or \"notRequired\"."),
            ["azureADJoin"] = Ref("#/types/entradevices:index:AzureADJoinSettings", "Microsoft Entra join settings."),
            ["azureADRegistration"] = Ref("#/types/entradevices:index:AzureADRegistrationSettings", "Microsoft Entra registration settings."),
            ["localAdminPassword"] = Ref("#/types/entradevices:index:LocalAdminPassword", "LAPS setting."),
        }, "userDeviceQuota", "multiFactorAuthConfiguration", "azureADJoin", "azureADRegistration", "localAdminPassword"),
    };

    private static JsonObject JoinProperties() => new()
    {
        ["allowedToJoin"] = Ref(Membership, "Users may join devices to Microsoft Entra (needed by Windows Autopilot user-driven Entra join)."),
        ["localAdmins"] = Ref("#/types/entradevices:index:LocalAdmins", "Local administrators added during join."),
    };

    private static JsonObject RegistrationProperties() => new()
    {
        ["allowedToRegister"] = Ref(Membership, "Users may register their devices with Microsoft Entra."),
    };

    private static JsonObject WithFlag(JsonObject properties)
    {
        properties["isAdminConfigurable"] = Boolean("Read-only: whether Entra lets administrators change this setting.");
        return properties;
    }
}

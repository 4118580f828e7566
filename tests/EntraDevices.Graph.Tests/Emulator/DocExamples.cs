using System.Text.Json.Nodes;

namespace EntraDevices.Graph.Tests.Emulator;

/// <summary>Request and response bodies from the Graph docs (deviceregistrationpolicy-get.md / -update.md, v1.0).</summary>
internal static class DocExamples
{
    public static JsonObject GetResponse() => Parse("""
        {
          "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#deviceRegistrationPolicy",
          "id": "deviceRegistrationPolicy",
          "displayName": "Device Registration Policy",
          "description": "Tenant-wide policy that manages intial provisioning controls using quota restrictions, additional authentication and authorization checks",
          "userDeviceQuota": 2,
          "multiFactorAuthConfiguration": "notRequired",
          "azureADRegistration": {
            "isAdminConfigurable": false,
            "allowedToRegister": { "@odata.type": "#microsoft.graph.noDeviceRegistrationMembership" }
          },
          "azureADJoin": {
            "isAdminConfigurable": true,
            "allowedToJoin": { "@odata.type": "#microsoft.graph.allDeviceRegistrationMembership" },
            "localAdmins": {
              "enableGlobalAdmins": true,
              "registeringUsers": {
                "@odata.type": "#microsoft.graph.enumeratedDeviceRegistrationMembership",
                "users": ["3c8ef067-8b96-44de-b2ae-557dfa0f97a0"],
                "groups": []
              }
            }
          },
          "localAdminPassword": { "isEnabled": false }
        }
        """);

    public static JsonObject PutRequest() => Parse("""
        {
          "userDeviceQuota": 2,
          "multiFactorAuthConfiguration": "notRequired",
          "azureADRegistration": {
            "isAdminConfigurable": false,
            "allowedToRegister": {
              "@odata.type": "#microsoft.graph.enumeratedDeviceRegistrationMembership",
              "users": ["3c8ef067-8b96-44de-b2ae-557dfa0f97a0"],
              "groups": []
            }
          },
          "azureADJoin": {
            "isAdminConfigurable": true,
            "allowedToJoin": { "@odata.type": "#microsoft.graph.allDeviceRegistrationMembership" },
            "localAdmins": {
              "enableGlobalAdmins": false,
              "registeringUsers": { "@odata.type": "#microsoft.graph.noDeviceRegistrationMembership" }
            }
          },
          "localAdminPassword": { "isEnabled": true }
        }
        """);

    /// <summary>The stored policy after <see cref="PutRequest"/> lands on the seeded tenant.</summary>
    public static JsonObject AfterPut()
    {
        var policy = GetResponse();
        policy.Remove("@odata.context");
        policy["azureADRegistration"]!["allowedToRegister"] = PutRequest()["azureADRegistration"]!["allowedToRegister"]!.DeepClone();
        policy["azureADJoin"]!["localAdmins"] = PutRequest()["azureADJoin"]!["localAdmins"]!.DeepClone();
        policy["localAdminPassword"] = new JsonObject { ["isEnabled"] = true };
        return policy;
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}

using System.Text.Json.Nodes;
using EntraDevices.Provider.Lifecycle;
using static EntraDevices.Provider.Resources.SchemaBuilder;

namespace EntraDevices.Provider.Resources;

/// <summary>The Pulumi package schema of <c>entradevices</c>, good for <c>pulumi package gen-sdk</c>.</summary>
internal static class PackageSchema
{
    /// <summary>
    /// Where the engine and <c>pulumi plugin install</c> download released plugins from, as the release build stamps it
    /// (<c>-p:PluginDownloadUrl=github://api.github.com/&lt;owner&gt;/&lt;repo&gt;</c>, .github/workflows/release.yml); null in a
    /// local build, which no engine downloads.
    /// </summary>
    public static readonly string? PluginDownloadUrl = typeof(PackageSchema).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), inherit: false).OfType<System.Reflection.AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "PluginDownloadUrl")?.Value is { Length: > 0 } url ? url : null;

    public static string Json(IEnumerable<IResource> resources, string version, string? pluginDownloadUrl = null)
    {
        pluginDownloadUrl ??= PluginDownloadUrl;
        var config = new JsonObject
        {
            ["tenantId"] = String("Entra tenant id. Falls back to ENTRADEVICES_TENANT_ID, then ARM_TENANT_ID."),
            ["clientId"] = String("Application (client) id to sign in as. Falls back to ENTRADEVICES_CLIENT_ID, then ARM_CLIENT_ID."),
            ["clientSecret"] = String("Client secret of the application. Falls back to ARM_CLIENT_SECRET. Prefer OIDC in pipelines.", secret: true),
            ["useOidc"] = Boolean("Sign in with an OIDC federated token (workload identity federation). Falls back to ARM_USE_OIDC."),
            ["oidcToken"] = String("The federated token itself. Falls back to ARM_OIDC_TOKEN.", secret: true),
            ["oidcTokenFilePath"] = String("A file holding the federated token. Falls back to ARM_OIDC_TOKEN_FILE_PATH."),
            ["oidcRequestUrl"] = String("GitHub Actions' token request URL. Falls back to ARM_OIDC_REQUEST_URL, then ACTIONS_ID_TOKEN_REQUEST_URL."),
            ["oidcRequestToken"] = String("Bearer token for the token request URL. Falls back to ARM_OIDC_REQUEST_TOKEN, then ACTIONS_ID_TOKEN_REQUEST_TOKEN.", secret: true),
            ["accessToken"] = String("A Microsoft Graph access token to use as is (first choice when set). Falls back to ENTRADEVICES_ACCESS_TOKEN.", secret: true),
            ["environment"] = String("Microsoft cloud: global (default), usgovernment, dod or china. Falls back to ARM_ENVIRONMENT."),
            ["graphEndpoint"] = String("Override of the Graph endpoint, e.g. for tests; must be https (http only for loopback). Falls back to ENTRADEVICES_GRAPH_ENDPOINT."),
            ["signIn"] = String("\"deviceCode\": a person signs in (delegated permissions) with a device code, using the team's app registration clientId in tenantId; asked once, then cached. Falls back to ENTRADEVICES_SIGN_IN."),
            ["authorityHost"] = String("Override of the sign-in host, e.g. for tests; https only. National clouds come from environment. Falls back to ENTRADEVICES_AUTHORITY_HOST."),
            ["requestTimeout"] = Integer("Seconds one Graph call may take, its retries and sign-in included: 1 to 3600 (default 120). Falls back to ENTRADEVICES_REQUEST_TIMEOUT."),
        };
        var types = new JsonObject();
        var resourceSpecs = new JsonObject();
        foreach (var resource in resources)
        {
            resourceSpecs[resource.Token] = resource.Schema();
            foreach (var (name, type) in resource.SchemaTypes())
            {
                types[name] ??= type!.DeepClone();
            }
        }

        var schema = new JsonObject
        {
            ["name"] = "entradevices",
            ["displayName"] = "Entra device settings",
            ["version"] = version,
            ["description"] = "Microsoft Entra ID device settings and the Windows Autopilot journey (device registration policy, BitLocker key self-recovery, "
                + "automatic Intune enrollment, Enrollment Status Page, deployment profile, Autopilot devices) through Microsoft Graph.",
            ["keywords"] = new JsonArray("pulumi", "entra", "azuread", "autopilot", "category/cloud"),
            ["license"] = "Apache-2.0",
            ["config"] = new JsonObject { ["variables"] = config },
            ["provider"] = new JsonObject
            {
                ["description"] = "Signs in to Microsoft Graph with, in order: an access token, a client secret, an OIDC federated token, or DefaultAzureCredential (Azure CLI, managed identity, environment).",
                ["inputProperties"] = config.DeepClone(),
            },
            ["types"] = types,
            ["resources"] = resourceSpecs,
            ["language"] = new JsonObject
            {
                ["csharp"] = new JsonObject { ["rootNamespace"] = "Pulumi", ["packageReferences"] = new JsonObject { ["Pulumi"] = "3.*" } },
            },
        };
        if (pluginDownloadUrl is not null)
        {
            schema["pluginDownloadURL"] = pluginDownloadUrl;
        }

        return schema.ToJsonString();
    }
}

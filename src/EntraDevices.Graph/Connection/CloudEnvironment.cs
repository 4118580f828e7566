namespace EntraDevices.Graph.Connection;

/// <summary>A Microsoft cloud: where Graph and the sign-in endpoint live.</summary>
public sealed record CloudEnvironment(string Name, Uri GraphEndpoint, Uri AuthorityHost)
{
    public static readonly CloudEnvironment Global = new(
        "global", new Uri("https://graph.microsoft.com"), new Uri("https://login.microsoftonline.com"));

    public static readonly CloudEnvironment UsGovernment = new(
        "usgovernment", new Uri("https://graph.microsoft.us"), new Uri("https://login.microsoftonline.us"));

    public static readonly CloudEnvironment Dod = new(
        "dod", new Uri("https://dod-graph.microsoft.us"), new Uri("https://login.microsoftonline.us"));

    public static readonly CloudEnvironment China = new(
        "china", new Uri("https://microsoftgraph.chinacloudapi.cn"), new Uri("https://login.chinacloudapi.cn"));

    public const string Accepted = "global (alias public), usgovernment (alias usgovernmentl4), dod (alias usgovernmentl5), china";

    /// <summary>Reads the names pulumi-azuread accepts for ARM_ENVIRONMENT; empty means global.</summary>
    public static CloudEnvironment Parse(string? name, string settingName) =>
        (name?.Trim().ToLowerInvariant() ?? "") switch
        {
            "" or "global" or "public" => Global,
            "usgovernment" or "usgovernmentl4" => UsGovernment,
            "dod" or "usgovernmentl5" => Dod,
            "china" => China,
            _ => throw new ConnectionSettingsException($"{settingName} is '{name}'; accepted values: {Accepted}."),
        };
}

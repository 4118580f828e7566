using System.Text.Json.Nodes;
using EntraDevices.Graph;
using EntraDevices.Graph.Connection;
using EntraDevices.Graph.Transport;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Objects;
using EntraDevices.Provider.Resources;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Tests.Lifecycle;

/// <summary>
/// The smallest object kind, for the object contract until the journey's resources exist: a deployment profile
/// with a display name (its natural key), a description, and a create-only device type, over the emulator's beta
/// collection. Not a resource of the provider.
/// </summary>
internal sealed class SampleProfile : IObjectKind<SampleProfile.Declared, SampleProfile.Live>
{
    public const string Path = "deviceManagement/windowsAutopilotDeploymentProfiles";

    private static readonly GraphOperation Operation = new("GET", $"/{Path}", "manage the sample profile",
        "DeviceManagementServiceConfig.ReadWrite.All", "Intune Administrator")
    { ApiVersion = "beta" };

    public string Token => "entradevices:test:SampleProfile";

    public string Noun => "the sample profile";

    public IReadOnlyList<string> Leaves { get; } = ["displayName", "description", "deviceType"];

    public IReadOnlySet<string> IdLists { get; } = new HashSet<string>();

    public IReadOnlyList<string> ReplaceOn { get; } = ["deviceType"];

    public bool DeleteBeforeReplace => true;

    public IReadOnlyList<string> AssignedOutputs { get; } = ["createdDateTime"];

    public CheckResult Check(ObjectValue news)
    {
        var rules = new InputRules(news);
        rules.Object("", ["displayName", "description", "deviceType"]);
        if (rules.At("displayName")?.Plain is not (StringValue { Value.Length: > 0 } or UnknownValue))
        {
            rules.Fail("displayName", "'displayName' is required: a non-empty string.");
        }

        rules.OneOf("deviceType", "windowsPc", "holoLens");
        return new CheckResult(news, rules.Failures, rules.Warnings);
    }

    public Declared Spec(ObjectValue inputs) => new(
        Text(inputs, "displayName")!, Text(inputs, "description"), Text(inputs, "deviceType") ?? "windowsPc");

    public string IdOf(Live live) => live.Id;

    public bool Matches(Live live, Declared spec) => live.DisplayName == spec.DisplayName && live.Description == spec.Description;

    public string NaturalKey(Declared spec) => $"display name '{spec.DisplayName}'";

    public ObjectValue Outputs(Live live) => ObjectValue.Of(
        ("displayName", new StringValue(live.DisplayName)),
        ("description", live.Description is null ? null : new StringValue(live.Description)),
        ("deviceType", new StringValue(live.DeviceType)),
        ("createdDateTime", new StringValue(live.CreatedDateTime)));

    public ObjectValue ImportedInputs(Live live) => ObjectValue.Of(
        ("displayName", new StringValue(live.DisplayName)),
        ("description", live.Description is null ? null : new StringValue(live.Description)),
        ("deviceType", new StringValue(live.DeviceType)));

    public IObjectEndpoint<Declared, Live> Endpoint(GraphConnection connection) => new Graph(new GraphRequests(connection));

    public JsonObject Schema() => [];

    private static string? Text(ObjectValue inputs, string key) => inputs.At(key)?.Plain is StringValue { Value: var value } ? value : null;

    internal sealed record Declared(string DisplayName, string? Description, string DeviceType);

    internal sealed record Live(string Id, string DisplayName, string? Description, string DeviceType, string CreatedDateTime)
    {
        public static Live From(JsonObject json) => new(
            (string)json["id"]!, (string)json["displayName"]!, (string?)json["description"], (string?)json["deviceType"] ?? "windowsPc",
            (string)json["createdDateTime"]!);
    }

    private sealed class Graph(GraphRequests requests) : IObjectEndpoint<Declared, Live>
    {
        public async Task<Live?> GetAsync(string id, CancellationToken cancellationToken) =>
            await requests.GetAsync(Operation, $"{Path}/{GraphPath.Id(id)}", cancellationToken) is { } json ? Live.From(json) : null;

        public async Task<Live> CreateAsync(Declared spec, CancellationToken cancellationToken)
        {
            var body = new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.azureADWindowsAutopilotDeploymentProfile",
                ["displayName"] = spec.DisplayName,
                ["description"] = spec.Description,
                ["deviceType"] = spec.DeviceType,
            };
            var created = await requests.SendAsync(Operation with { Method = "POST", Retriable = false }, Path, body, cancellationToken);
            return Live.From(created ?? throw new UnexpectedPolicyShapeException("Graph answered the create without the profile."));
        }

        public async Task<Live?> FindAsync(Declared spec, CancellationToken cancellationToken) =>
            (await requests.ListAsync(Operation, Path, cancellationToken)).Select(Live.From).FirstOrDefault(p => p.DisplayName == spec.DisplayName);

        public async Task<Live> ReconcileAsync(Live current, Declared spec, Provider.Lifecycle.Operation operation)
        {
            var changes = new JsonObject();
            if (current.DisplayName != spec.DisplayName)
            {
                changes["displayName"] = spec.DisplayName;
            }

            if (current.Description != spec.Description)
            {
                changes["description"] = spec.Description;
            }

            if (changes.Count == 0)
            {
                return current;
            }

            await requests.SendAsync(Operation with { Method = "PATCH" }, $"{Path}/{GraphPath.Id(current.Id)}", changes, operation.Token);
            return await GetAsync(current.Id, operation.Token) ?? throw new UnexpectedPolicyShapeException("The profile vanished after its update.");
        }

        public Task DeleteAsync(Live current, CancellationToken cancellationToken) =>
            requests.SendAsync(Operation with { Method = "DELETE" }, $"{Path}/{GraphPath.Id(current.Id)}", null, cancellationToken);
    }
}

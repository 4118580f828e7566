using System.Text.Json.Nodes;
using EntraDevices.Graph.Connection;
using EntraDevices.Graph.CorporateIdentifiers;
using EntraDevices.Provider.Hosting;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Objects;
using EntraDevices.Provider.Lifecycle.Sets;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.CorporateDeviceIdentifiers.IdentifierProperties;

namespace EntraDevices.Provider.Resources.CorporateDeviceIdentifiers;

/// <summary>
/// <c>entradevices:index:CorporateDeviceIdentifiers</c>: the Windows corporate identifiers of a CSV (step 7a of device
/// preparation), on the set lifecycle. State keeps each identifier with its Graph id, never the file. An identifier is
/// its own key, so nothing of one can change: it is added or removed.
/// </summary>
internal sealed class CorporateDeviceIdentifiersKind(ProjectDirectories directories, Consistency? consistency = null) : ISetKind<IdentifierRow, string>
{
    private readonly IdentifierFiles _files = new(directories);

    public string Token => IdentifierProperties.Token;

    public string Noun => "corporate identifiers";

    public SetNames Names => IdentifierProperties.Names;

    public string Source => Csv;

    public string ItemNoun => "identifier";

    public string NotIn => "are not in the tenant";

    public string KeptWhere => "in the tenant";

    public CheckResult Check(ResourceCheck check) => IdentifiersCheck.Check(check, _files);

    public IReadOnlyList<IdentifierRow>? Rows(ObjectValue inputs, bool fresh)
    {
        if (inputs.At(Csv) is not { } source || !CsvSource.IsSource(source) || _files.Read(source, out var rows, out var problems) is not null)
        {
            return null;
        }

        return problems.Count == 0 ? rows : throw new CleanFailure(CleanFailureReason.InvalidInput,
            $"The CSV changed since it was checked and now has problems ({string.Join("; ", problems.Take(5).Select(p => p.ToString()))}). Fix it and run `pulumi preview` again. Nothing was changed.");
    }

    public string KeyOf(IdentifierRow row) => row.Identifier;

    /// <summary>An identifier is its own key: nothing of it can change.</summary>
    public bool Same(string item, IdentifierRow row) => true;

    public string Told(SetPlan<IdentifierRow, string> plan, ObjectValue inputs) =>
        $"Corporate identifiers: {plan.Added.Count} to add{Which(plan.Added.Select(r => r.Identifier))}, {plan.Removed.Count} removed from the file"
        + $"{Which(plan.Removed.Select(r => r.Key))}{(plan.Removed.Count == 0 ? "" : DeletesRemoved(inputs) ? " (deleted from the tenant)" : " (kept in the tenant: whenRemoved is keep)")}"
        + $"{(plan.Retried > 0 ? $"; {plan.Retried} of those to add failed before and are retried" : "")}.";

    /// <summary>The Graph id is the whole line.</summary>
    public string Line(string item) => item;

    public string? Parse(string key, string line) => line.Length > 0 ? line : null;

    public bool DeletesRemoved(ObjectValue inputs) => inputs.At(WhenRemoved)?.Plain is StringValue { Value: Delete };

    public ISetEndpoint<IdentifierRow, string> Endpoint(GraphConnection connection) => new IdentifierEndpoint(new CorporateIdentifierClient(connection), consistency ?? Consistency.Intune);

    public JsonObject Schema() => IdentifiersSchema.Resource();

    private static string Which(IEnumerable<string> keys) => Listing.InParentheses(keys, 10);
}

using System.Text.Json.Nodes;
using EntraDevices.Graph.Connection;
using EntraDevices.Graph.Transport;

namespace EntraDevices.Graph.CorporateIdentifiers;

/// <summary>A Windows corporate identifier as the tenant holds it: its id and its <c>manufacturer,model,serial</c> text.</summary>
public sealed record CorporateIdentifier(string Id, string Identifier);

/// <summary>One identity of an import: what was sent, whether Intune took it (<c>status</c>), and its id when it did.</summary>
public sealed record ImportResult(string Identifier, bool Imported, string? Id);

/// <summary>
/// Corporate device identifiers (beta <c>importedDeviceIdentities</c>, graph-device-preparation.md §6) through
/// <see cref="GraphRequests"/>: imported in calls of at most <see cref="PerCall"/> with the <c>importDeviceIdentityList</c>
/// action (never a POST to the collection, which Graph refuses), found with <c>searchExistingIdentities</c>, deleted one
/// at a time. Windows identifiers are <c>manufacturerModelSerial</c>: manufacturer, model and serial joined by commas.
/// </summary>
public sealed class CorporateIdentifierClient(GraphConnection connection)
{
    public const string Path = "deviceManagement/importedDeviceIdentities";

    /// <summary>The per-call limit is not documented; the admin center takes 5,000 per file. 500 keeps each call small.</summary>
    public const int PerCall = 500;

    public const string WindowsType = "manufacturerModelSerial";

    private readonly GraphRequests _requests = new(connection);

    private static GraphOperation Operation(string method, string path, string action) => IntuneOperation.For(method, path, action);

    /// <summary>
    /// Imports one call's identifiers, without overwriting any; sent once (a 429 aside): after a lost answer the caller
    /// searches for what was made. A duplicate comes back with <c>status</c> false.
    /// </summary>
    public async Task<IReadOnlyList<ImportResult>> ImportAsync(IReadOnlyList<string> identifiers, CancellationToken cancellationToken)
    {
        var answer = await _requests.SendAsync(
            Operation("POST", $"{Path}/importDeviceIdentityList", $"import {identifiers.Count} corporate identifier(s)") with { Retriable = false },
            $"{Path}/importDeviceIdentityList", Body(identifiers, overwrite: false), cancellationToken);
        var results = answer?["value"] as JsonArray ?? throw new UnexpectedPolicyShapeException("Graph answered the import of corporate identifiers without 'value'.");
        return [.. results.OfType<JsonObject>().Select(r => new ImportResult(
            (string?)r["importedDeviceIdentifier"] ?? "", r["status"] is JsonValue status && status.TryGetValue<bool>(out var ok) && ok, (string?)r["id"]))];
    }

    /// <summary>Which of <paramref name="identifiers"/> the tenant holds, with their ids (matched whatever their case).</summary>
    public async Task<IReadOnlyList<CorporateIdentifier>> SearchAsync(IReadOnlyList<string> identifiers, CancellationToken cancellationToken)
    {
        var found = new List<CorporateIdentifier>();
        foreach (var chunk in identifiers.Chunk(PerCall))
        {
            var answer = await _requests.SendAsync(Operation("POST", $"{Path}/searchExistingIdentities", $"search {chunk.Length} corporate identifier(s)"),
                $"{Path}/searchExistingIdentities", Body(chunk, overwrite: null), cancellationToken);
            found.AddRange(Identities(answer?["value"] as JsonArray ?? throw new UnexpectedPolicyShapeException("Graph answered the search of corporate identifiers without 'value'.")));
        }

        return found;
    }

    /// <summary>Every Windows corporate identifier of the tenant (the list takes no filter, so all are read and the Windows ones kept).</summary>
    public async Task<IReadOnlyList<CorporateIdentifier>> ListAsync(CancellationToken cancellationToken) =>
        Identities(await _requests.ListAsync(Operation("GET", Path, "list the corporate identifiers"), Path, cancellationToken));

    /// <summary>Deletes one identifier; one already gone is done.</summary>
    public Task DeleteAsync(string id, CancellationToken cancellationToken) =>
        _requests.DeleteAsync(Operation("DELETE", $"{Path}/{{id}}", $"delete corporate identifier {id}"), $"{Path}/{GraphPath.Id(id)}", cancellationToken);

    private static IReadOnlyList<CorporateIdentifier> Identities(IEnumerable<JsonNode?> items) => [.. items.OfType<JsonObject>()
        .Where(i => (string?)i["importedDeviceIdentityType"] is null or WindowsType && (string?)i["id"] is { Length: > 0 })
        .Select(i => new CorporateIdentifier((string)i["id"]!, (string?)i["importedDeviceIdentifier"] ?? ""))];

    private static JsonObject Body(IEnumerable<string> identifiers, bool? overwrite)
    {
        var body = new JsonObject
        {
            ["importedDeviceIdentities"] = new JsonArray([.. identifiers.Select(identifier => (JsonNode)new JsonObject
            {
                ["importedDeviceIdentifier"] = identifier,
                ["importedDeviceIdentityType"] = WindowsType,
            })]),
        };
        if (overwrite is { } value)
        {
            body["overwriteImportedDeviceIdentities"] = value;
        }

        return body;
    }
}

using System.Text.Json.Nodes;

namespace EntraDevices.Provider.Export;

/// <summary>
/// One section of the program's stack configuration as the tenant holds it (<paramref name="Config"/>, keys in the
/// program's words), the resource the program then declares for it with the id Graph gave it, and what the user should
/// know: what the program's shape cannot hold and what it leaves as the tenant has it.
/// </summary>
internal sealed record ExportedSection(string Name, JsonObject Config, ImportEntry? Import, IReadOnlyList<string> Notes);

/// <summary>One entry of the file <c>pulumi import --file</c> reads: the resource the program declares, adopted by its id.</summary>
internal sealed record ImportEntry(string Type, string Name, string Id);

/// <summary>A section that could not be read, and why (the Graph error, which names the permission or the fault).</summary>
internal sealed record UnreadSection(string Name, string Reason);

/// <summary>An argument of the export names nothing the tenant has (e.g. --status-page with an unknown id): nothing is written.</summary>
internal sealed class ExportArgumentException(string message) : Exception(message);

using System.Text.Json.Nodes;
using EntraDevices.Graph.Connection;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Lifecycle.Sets;

/// <summary>
/// A set of items a file declares (corporate identifiers, Autopilot devices): what such a resource supplies.
/// Everything here is pure except <see cref="Endpoint"/>; <see cref="SetResource{TRow}"/> runs the lifecycle over it.
/// </summary>
/// <typeparam name="TRow">One item as the file declares it, checked.</typeparam>
internal interface ISetKind<TRow>
{
    string Token { get; }

    /// <summary>The items in the user's words, for messages: "corporate identifiers".</summary>
    string Noun { get; }

    SetNames Names { get; }

    /// <summary>The input that holds the file; a value of it that cannot be read yet (unknown) changes every item.</summary>
    string Source { get; }

    /// <summary>What a changed item is, for the preview's summary: "with a new group tag or user".</summary>
    string ChangedWhat { get; }

    CheckResult Check(ResourceCheck check);

    /// <summary>The file's items; null when the source cannot be read (not yet known in a preview). <paramref name="fresh"/>: read again, not from Check's scan.</summary>
    IReadOnlyList<TRow>? Rows(ObjectValue inputs, bool fresh);

    string KeyOf(TRow row);

    /// <summary>Whether a recorded line still holds the row as declared.</summary>
    bool Same(string line, TRow row);

    /// <summary>Whether the program keeps items removed from the file in the tenant (the default) or deletes them.</summary>
    bool DeletesRemoved(ObjectValue inputs);

    ISetEndpoint<TRow> Endpoint(GraphConnection connection);

    JsonObject Schema();
}

/// <summary>How a set's items are read and written in Graph; each step records in the work only what it saw happen.</summary>
internal interface ISetEndpoint<TRow>
{
    /// <summary>Adds the new items and changes the changed ones; items removed from the file are handled by <see cref="RemoveAsync"/>.</summary>
    Task ApplyAsync(SetWork work, SetPlan<TRow> plan, Operation operation);

    /// <summary>Deletes the items from the tenant, recording each one known gone; a failure is recorded as a problem.</summary>
    Task RemoveAsync(SetWork work, IReadOnlyList<RecordedItem> items, Operation operation);

    /// <summary>Reads the recorded items back: one the tenant no longer holds (after replica lag is waited out) is forgotten.</summary>
    Task RefreshAsync(SetWork work, Operation operation);

    /// <summary>Every item of this kind the tenant holds, as <c>pulumi import</c> records them.</summary>
    Task<SetLedger> ImportAsync(Operation operation);
}

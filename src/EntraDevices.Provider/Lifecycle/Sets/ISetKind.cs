using System.Text.Json.Nodes;
using EntraDevices.Graph.Connection;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Lifecycle.Sets;

/// <summary>
/// A set of items a file declares (Autopilot devices, corporate identifiers): what such a resource supplies.
/// Everything here is pure except <see cref="Endpoint"/>; <see cref="SetResource{TRow, TItem}"/> runs the lifecycle over it.
/// </summary>
/// <typeparam name="TRow">One item as the file declares it, checked.</typeparam>
/// <typeparam name="TItem">One item as state records it.</typeparam>
internal interface ISetKind<TRow, TItem> : ISetCodec<TItem>
{
    string Token { get; }

    /// <summary>The items in the user's words, for messages: "corporate identifiers", "Autopilot devices".</summary>
    string Noun { get; }

    /// <summary>One item, for counts: "identifier", "device" (written "3 device(s)").</summary>
    string ItemNoun { get; }

    /// <summary>What failed items are not, for the answer: "are not registered", "are not in the tenant".</summary>
    string NotIn { get; }

    /// <summary>Where an item removed from the file stays with <c>whenRemoved: keep</c>: "in the tenant", "registered in Autopilot".</summary>
    string KeptWhere { get; }

    SetNames Names { get; }

    /// <summary>The input that holds the file; a value of it that cannot be read yet (unknown) changes every item.</summary>
    string Source { get; }

    CheckResult Check(ResourceCheck check);

    /// <summary>The file's items; null when the source cannot be read (not yet known in a preview). <paramref name="fresh"/>: read again, not from Check's scan.</summary>
    IReadOnlyList<TRow>? Rows(ObjectValue inputs, bool fresh);

    string KeyOf(TRow row);

    /// <summary>Whether a recorded item still holds the row as declared, with nothing left to do.</summary>
    bool Same(TItem item, TRow row);

    /// <summary>Whether the program keeps items removed from the file in the tenant (the default) or deletes them.</summary>
    bool DeletesRemoved(ObjectValue inputs);

    /// <summary>What a preview tells of a plan, in one sentence.</summary>
    string Told(SetPlan<TRow, TItem> plan, ObjectValue inputs);

    /// <summary>What a preview tells of the tallies (work earlier runs left), or null when there is none to tell.</summary>
    string? Leftover(SetLedger<TItem> ledger) => null;

    /// <summary>How many items the apply just read or wrote: a kind of thousands gives the memory back (no-op by default).</summary>
    void Settle(int items)
    {
    }

    ISetEndpoint<TRow, TItem> Endpoint(GraphConnection connection);

    JsonObject Schema();
}

/// <summary>How a set's items are read and written in Graph; each step records in the work only what it saw happen.</summary>
internal interface ISetEndpoint<TRow, TItem>
{
    /// <summary>Adds the new items and changes the changed ones (items removed from the file are handled by <see cref="RemoveAsync"/> first).</summary>
    Task ApplyAsync(SetWork<TItem> work, SetPlan<TRow, TItem> plan, ObjectValue inputs, TimeSpan elapsed, Operation operation);

    /// <summary>Deletes the items from the tenant, forgetting each one known gone; a failure is recorded as a problem.</summary>
    Task RemoveAsync(SetWork<TItem> work, IReadOnlyList<RecordedItem<TItem>> items, Operation operation);

    /// <summary>Reads the recorded items back: one the tenant no longer holds (after replica lag is waited out) is forgotten.</summary>
    Task RefreshAsync(SetWork<TItem> work, Operation operation);

    /// <summary>The items <c>pulumi import</c> names by <paramref name="id"/> as the tenant holds them, and the inputs that declare them.</summary>
    Task<(SetLedger<TItem> Ledger, ObjectValue Inputs)> ImportAsync(string id, Operation operation);
}

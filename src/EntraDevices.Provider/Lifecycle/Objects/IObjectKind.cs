using System.Text.Json.Nodes;
using EntraDevices.Graph.Connection;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Lifecycle.Objects;

/// <summary>
/// An object the program creates, with an id Graph assigns (a profile, a page): what such a
/// resource supplies. Everything here is pure except <see cref="Endpoint"/>; <see cref="ObjectResource{TSpec, TLive}"/>
/// runs the lifecycle over it.
/// </summary>
/// <typeparam name="TSpec">What the program declares, typed.</typeparam>
/// <typeparam name="TLive">The object as Graph holds it, typed (with its children, e.g. assignments).</typeparam>
internal interface IObjectKind<TSpec, TLive>
    where TLive : class
{
    string Token { get; }

    /// <summary>The object in the user's words, for messages: "the Autopilot deployment profile".</summary>
    string Noun { get; }

    /// <summary>Every input leaf, as Diff reports it.</summary>
    IReadOnlyList<string> Leaves { get; }

    IReadOnlySet<string> IdLists { get; }

    /// <summary>Id lists whose preview shows each id added or removed, one line each (e.g. assignments).</summary>
    IReadOnlySet<string> ElementLists => new HashSet<string>();

    /// <summary>Leaves Graph takes only at create: a change replaces the object.</summary>
    IReadOnlyList<string> ReplaceOn { get; }

    /// <summary>The old object must be deleted before its replacement is created (e.g. its name must be unique).</summary>
    bool DeleteBeforeReplace { get; }

    /// <summary>Outputs Graph assigns (ids, dates): unknown in a preview of a create.</summary>
    IReadOnlyList<string> AssignedOutputs { get; }

    CheckResult Check(ObjectValue news);

    TSpec Spec(ObjectValue inputs);

    string IdOf(TLive live);

    /// <summary>True when the object holds everything the spec declares (after a failed step, a re-read may show it did).</summary>
    bool Matches(TLive live, TSpec spec);

    /// <summary>How the object is found when a create's answer was lost, in words: "display name 'Autopilot'".</summary>
    string NaturalKey(TSpec spec);

    ObjectValue Outputs(TLive live);

    /// <summary>Inputs that declare the object as found: what <c>pulumi import</c> records.</summary>
    ObjectValue ImportedInputs(TLive live);

    IObjectEndpoint<TSpec, TLive> Endpoint(GraphConnection connection);

    JsonObject Schema();

    JsonObject SchemaTypes() => [];
}

/// <summary>How an object is read and written in Graph; the lifecycle decides when.</summary>
internal interface IObjectEndpoint<TSpec, TLive>
    where TLive : class
{
    /// <summary>The object with its children, or null when Graph answers 404.</summary>
    Task<TLive?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The object as a delete needs it (a kind whose delete needs no children reads fewer); null when gone.</summary>
    Task<TLive?> GetBeforeDeleteAsync(string id, CancellationToken cancellationToken) => GetAsync(id, cancellationToken);

    /// <summary>Creates the bare object, once: the transport must not retry it.</summary>
    Task<TLive> CreateAsync(TSpec spec, CancellationToken cancellationToken);

    /// <summary>The object whose natural key is the spec's, or null: used after a create whose answer was lost.</summary>
    Task<TLive?> FindAsync(TSpec spec, CancellationToken cancellationToken);

    /// <summary>
    /// Brings the object to the spec: sends only what differs (PATCH) or the whole object (PUT), and reconciles its
    /// children (assignments, priority) to exactly what is declared. Returns the object as it now is.
    /// </summary>
    Task<TLive> ReconcileAsync(TLive current, TSpec spec, Operation operation);

    /// <summary>Deletes the object, its children first; an object already gone is not an error.</summary>
    Task DeleteAsync(TLive current, CancellationToken cancellationToken);

    /// <summary>
    /// What the kind tells of the object after an up or a refresh, as notes, never a failure: what the tenant lacks around
    /// it that the object needs (a device preparation policy's apps not assigned to its device group).
    /// </summary>
    Task TellAsync(TLive live, Operation operation) => Task.CompletedTask;
}

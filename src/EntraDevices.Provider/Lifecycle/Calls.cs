using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Lifecycle;

/// <summary>Check: the program's new inputs, and the last inputs when the resource already exists.</summary>
public sealed record ResourceCheck(string Urn, ObjectValue NewInputs, ObjectValue OldInputs);

/// <summary>Diff: the state's outputs and inputs against the checked new inputs.</summary>
public sealed record ResourceDiff(string Id, ObjectValue OldOutputs, ObjectValue NewInputs, ObjectValue OldInputs);

/// <summary>Create, or with <see cref="Preview"/> what preview can promise without calling Graph.</summary>
public sealed record ResourceCreate(string Urn, ObjectValue Inputs, bool Preview);

/// <summary>Read: refresh (state given), or import (only the id).</summary>
public sealed record ResourceRead(string Urn, string Id, ObjectValue Properties, ObjectValue Inputs)
{
    public bool IsImport => Properties.Properties.Count == 0;
}

/// <summary>Update, or with <see cref="Preview"/> what preview can promise.</summary>
public sealed record ResourceUpdate(string Urn, string Id, ObjectValue OldOutputs, ObjectValue NewInputs, ObjectValue OldInputs, bool Preview);

/// <summary>Delete: the state's outputs and the inputs that were last applied.</summary>
public sealed record ResourceDelete(string Urn, string Id, ObjectValue Properties, ObjectValue OldInputs);

/// <summary>One bad input: the property path and what is accepted there.</summary>
public sealed record CheckFailure(string Property, string Reason);

/// <summary>Checked inputs (with defaults filled in), failures, and warnings that do not stop the deployment.</summary>
public sealed record CheckResult(ObjectValue Inputs, IReadOnlyList<CheckFailure> Failures, IReadOnlyList<string> Warnings);

public enum PropertyChange
{
    Add,
    Delete,
    Update,
}

/// <summary>
/// What changes, leaf by leaf (e.g. <c>azureADJoin.allowedToJoin.scope</c>); <see cref="Replaces"/> are the changed
/// leaves that only a new object can take.
/// </summary>
public sealed record DiffResult(IReadOnlyDictionary<string, PropertyChange> Changes)
{
    public IReadOnlyList<string> Replaces { get; init; } = [];

    /// <summary>The old object must go before the new one is made (e.g. its name must be unique).</summary>
    public bool DeleteBeforeReplace { get; init; }

    /// <summary>Lines for the person previewing (e.g. how many devices are added, and which), logged with the diff.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public bool HasChanges => Changes.Count > 0;
}

/// <summary>What Create made: the id (empty in preview) and the outputs.</summary>
public sealed record CreateResult(string Id, ObjectValue Outputs);

/// <summary>
/// What Read found: the live outputs, and the inputs to record (the program's, or on import the live ones). An
/// empty id means the object is gone, and refresh drops it from state.
/// </summary>
public sealed record ReadResult(string Id, ObjectValue Outputs, ObjectValue Inputs)
{
    public static readonly ReadResult Gone = new("", ObjectValue.Empty, ObjectValue.Empty);
}

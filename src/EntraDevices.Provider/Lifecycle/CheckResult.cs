using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Lifecycle;

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

/// <summary>What changes, leaf by leaf (e.g. <c>azureADJoin.allowedToJoin.scope</c>). Never a replacement: the policies are singletons.</summary>
public sealed record DiffResult(IReadOnlyDictionary<string, PropertyChange> Changes)
{
    public bool HasChanges => Changes.Count > 0;
}

/// <summary>What Read found: the live outputs, and the inputs to record (the program's, or on import the live ones).</summary>
public sealed record ReadResult(string Id, ObjectValue Outputs, ObjectValue Inputs);

namespace EntraDevices.Graph.AutopilotDevices;

/// <summary>
/// A Windows Autopilot device record (<c>windowsAutopilotDeviceIdentities</c>, graph-autopilot-journey.md §2): what
/// the provider reads of it. Empty group tag and user are null.
/// </summary>
public sealed record AutopilotDevice(string Id, string SerialNumber, string? GroupTag, string? UserPrincipalName, string? ManagedDeviceId, string? EnrollmentState)
{
    /// <summary>Enrolled in Intune: it has a managed device (Graph's all-zero id means none), or says so.</summary>
    public bool Enrolled =>
        (ManagedDeviceId is { Length: > 0 } managed && managed != Guid.Empty.ToString())
        || string.Equals(EnrollmentState, "enrolled", StringComparison.OrdinalIgnoreCase);
}

/// <summary>One device to import: what the bulk <c>import</c> action sends. The hash is base64 as the CSV holds it.</summary>
public sealed record DeviceToImport(string SerialNumber, string? ProductKey, string HardwareHash, string? GroupTag, string? AssignedUser)
{
    // The hash is a secret of the device: never in text meant for people.
    public override string ToString() => $"device {SerialNumber}";
}

/// <summary>How an import record stands: <c>unknown</c>/<c>pending</c> while Autopilot works, then <c>complete</c> or <c>error</c>.</summary>
public sealed record ImportRecord(string Id, string SerialNumber, string Status, string? DeviceId, int ErrorCode, string? ErrorName, string? ImportId = null)
{
    public bool Finished => Status is "complete" or "error" or "partial";

    public bool Succeeded => Status == "complete";

    /// <summary>The error in words: its name and code, and what to do.</summary>
    public string Reason => ImportErrors.Explain(ErrorName, ErrorCode, Status);
}

/// <summary>What the Autopilot sync answered: started, or one already running or run within the last 10 minutes.</summary>
public enum SyncOutcome
{
    Started,
    AlreadyRunning,
    RanRecently,
}

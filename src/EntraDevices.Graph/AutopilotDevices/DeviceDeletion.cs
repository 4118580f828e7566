namespace EntraDevices.Graph.AutopilotDevices;

/// <summary>
/// What the bulk <c>deleteDevices</c> action did with one serial number (graph-autopilot-journey.md §2). Graph answers
/// 200 whatever happened to each device, so each serial's own state is the answer.
/// </summary>
public enum DeletionOutcome
{
    /// <summary>Graph took the record for deletion (<c>accepted</c>).</summary>
    Deleted,

    /// <summary>Graph kept the record (<c>failed</c> or <c>error</c>): enrolled in Intune, not registered, or another reason in its message.</summary>
    Refused,

    /// <summary>Graph did not say (<c>unknown</c>, a state it never documented, or no entry for the serial): read the devices to find out.</summary>
    Unknown,
}

/// <summary>
/// One requested serial and what became of its device record: the record's id when Graph named it, and Graph's
/// <c>deletionState</c> and <c>errorMessage</c> as it gave them (null when it gave none).
/// </summary>
public sealed record DeviceDeletion(string SerialNumber, DeletionOutcome Outcome, string? DeviceId, string? State, string? ErrorMessage)
{
    /// <summary>The outcome in words, for a failure a person reads.</summary>
    public string Reason => Outcome switch
    {
        DeletionOutcome.Deleted => $"Autopilot device {SerialNumber}: deleted",
        _ when State is null => $"Autopilot device {SerialNumber}: Graph's answer to deleteDevices gave it no state, so whether it was deleted is unknown",
        DeletionOutcome.Refused => $"Autopilot device {SerialNumber}: not deleted ({State}): {ErrorMessage ?? "Graph gave no reason"}",
        _ => $"Autopilot device {SerialNumber}: Graph answered '{State}', so whether it was deleted is unknown"
            + (ErrorMessage is null ? "" : $" ({ErrorMessage})"),
    };
}

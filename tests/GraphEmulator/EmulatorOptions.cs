namespace EntraDevices.GraphEmulator;

/// <summary>How the emulated tenant starts.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Intune (MDM) is configured: device registration is locked to "all".</summary>
    public bool IntuneEnabled { get; init; }
}

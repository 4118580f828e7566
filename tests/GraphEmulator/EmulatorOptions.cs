namespace EntraDevices.GraphEmulator;

/// <summary>How the emulated tenant starts.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Intune (MDM) is configured: device registration is locked to "all".</summary>
    public bool IntuneEnabled { get; init; }

    /// <summary>
    /// Serve over https with a certificate made at start (<see cref="GraphEmulator.Certificate"/>), as sign-in needs:
    /// Microsoft's sign-in library accepts only https authorities.
    /// </summary>
    public bool Https { get; init; }

    /// <summary>How many token polls of a device code answer "authorization_pending" before the person has signed in.</summary>
    public int DeviceCodePendingPolls { get; init; } = 1;

    /// <summary>The delegated permissions a signed-in person's tokens carry (what the app registration was consented).</summary>
    public IReadOnlyList<string> DelegatedScopes { get; init; } = ["Policy.ReadWrite.DeviceConfiguration", "Policy.Read.All", "Policy.ReadWrite.Authorization"];
}

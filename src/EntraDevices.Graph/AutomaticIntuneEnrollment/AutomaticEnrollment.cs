namespace EntraDevices.Graph.AutomaticIntuneEnrollment;

/// <summary>
/// Automatic Intune enrollment as the portal's Mobility (MDM and WIP) page shows it for one MDM application: the MDM
/// user scope and the MAM user scope. Pure: no I/O.
/// </summary>
public sealed record AutomaticEnrollment(MobilityPolicy Mdm, MobilityPolicy Mam)
{
    public MobilityPolicy this[MobilityKind kind] => kind == MobilityKind.Mdm ? Mdm : Mam;

    public AutomaticEnrollment With(MobilityKind kind, MobilityPolicy policy) => kind == MobilityKind.Mdm ? this with { Mdm = policy } : this with { Mam = policy };

    /// <summary>True when both policies hold the same scope, groups and URLs.</summary>
    public bool Same(AutomaticEnrollment other) => Mdm.Same(other.Mdm) && Mam.Same(other.Mam);
}

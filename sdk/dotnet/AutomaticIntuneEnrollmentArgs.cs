using Pulumi;

namespace Pulumi.EntraDevices;

/// <summary>Inputs of <see cref="AutomaticIntuneEnrollment"/>; what is left unset stays as the tenant has it.</summary>
public sealed class AutomaticIntuneEnrollmentArgs : ResourceArgs
{
    /// <summary>The MDM user scope: who enrolls their devices in Intune automatically when they join Entra.</summary>
    [Input("mdm")]
    public Input<Inputs.MobilityUserScopeArgs>? Mdm { get; set; }

    /// <summary>The MAM user scope: who gets app protection without enrollment.</summary>
    [Input("mam")]
    public Input<Inputs.MobilityUserScopeArgs>? Mam { get; set; }
}

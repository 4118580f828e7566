using Pulumi;

namespace Pulumi.EntraDevices;

/// <summary>Inputs of <see cref="DefaultEnrollmentStatusPage"/>; what is left unset stays as the tenant has it.</summary>
public sealed class DefaultEnrollmentStatusPageArgs : ResourceArgs
{
    [Input("showInstallationProgress")]
    public Input<bool>? ShowInstallationProgress { get; set; }

    [Input("installProgressTimeoutInMinutes")]
    public Input<int>? InstallProgressTimeoutInMinutes { get; set; }

    [Input("customErrorMessage")]
    public Input<string>? CustomErrorMessage { get; set; }

    [Input("installQualityUpdates")]
    public Input<bool>? InstallQualityUpdates { get; set; }

    [Input("blockDeviceSetupRetryByUser")]
    public Input<bool>? BlockDeviceSetupRetryByUser { get; set; }

    [Input("allowDeviceResetOnInstallFailure")]
    public Input<bool>? AllowDeviceResetOnInstallFailure { get; set; }

    [Input("allowDeviceUseOnInstallFailure")]
    public Input<bool>? AllowDeviceUseOnInstallFailure { get; set; }

    [Input("allowLogCollectionOnInstallFailure")]
    public Input<bool>? AllowLogCollectionOnInstallFailure { get; set; }

    [Input("allowNonBlockingAppInstallation")]
    public Input<bool>? AllowNonBlockingAppInstallation { get; set; }

    [Input("selectedMobileAppIds")]
    private InputList<string>? _selectedMobileAppIds;

    public InputList<string> SelectedMobileAppIds
    {
        get => _selectedMobileAppIds ??= new InputList<string>();
        set => _selectedMobileAppIds = value;
    }

    [Input("trackInstallProgressForAutopilotOnly")]
    public Input<bool>? TrackInstallProgressForAutopilotOnly { get; set; }

    [Input("disableUserStatusTrackingAfterFirstUser")]
    public Input<bool>? DisableUserStatusTrackingAfterFirstUser { get; set; }
}

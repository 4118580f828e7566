namespace EntraDevices.Graph;

/// <summary>One Graph call, described in words a user can act on when it fails.</summary>
/// <param name="Action">What was being done, e.g. "update the device registration policy".</param>
/// <param name="Permission">The least-privileged Microsoft Graph permission the call needs.</param>
/// <param name="EntraRole">The least-privileged Entra role for delegated (signed-in user) access.</param>
public sealed record GraphOperation(string Method, string Path, string Action, string Permission, string EntraRole)
{
    public override string ToString() => $"{Method} {Path}";
}

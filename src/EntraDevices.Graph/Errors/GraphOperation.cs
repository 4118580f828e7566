namespace EntraDevices.Graph;

/// <summary>One Graph call, described in words a user can act on when it fails.</summary>
/// <param name="Action">What was being done, e.g. "update the device registration policy".</param>
/// <param name="Permission">The least-privileged Microsoft Graph permission the call needs.</param>
/// <param name="EntraRole">The least-privileged Entra role for delegated (signed-in user) access.</param>
public sealed record GraphOperation(string Method, string Path, string Action, string Permission, string EntraRole)
{
    /// <summary>The API version of this call: <c>v1.0</c>, or <c>beta</c> where Graph has the object only there.</summary>
    public string ApiVersion { get; init; } = "v1.0";

    /// <summary>
    /// False for a call that is not safe to repeat (a POST that creates): the SDK's retry handler must not send it
    /// twice, since a retried create after a lost answer makes a duplicate.
    /// </summary>
    public bool Retriable { get; init; } = true;

    /// <summary>Graph has only a delegated permission for this call: a person must be signed in, no application can make it.</summary>
    public bool DelegatedOnly { get; init; }

    public override string ToString() => $"{Method} {Path}";
}

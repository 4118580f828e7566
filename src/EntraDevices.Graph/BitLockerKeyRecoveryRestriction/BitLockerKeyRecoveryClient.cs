using EntraDevices.Graph.Connection;

namespace EntraDevices.Graph.BitLockerKeyRecoveryRestriction;

/// <summary>
/// Reads and sets whether device owners may recover their own BitLocker keys
/// (authorization policy <c>defaultUserRolePermissions.allowedToReadBitlockerKeysForOwnedDevice</c>).
/// </summary>
public sealed class BitLockerKeyRecoveryClient(GraphConnection connection)
{
    public static readonly GraphOperation Read = new(
        "GET", "/policies/authorizationPolicy", "read the BitLocker key recovery setting of the authorization policy",
        "Policy.Read.All", "Global Reader (or Privileged Role Administrator)");

    public static readonly GraphOperation Update = new(
        "PATCH", "/policies/authorizationPolicy", "update the BitLocker key recovery setting of the authorization policy",
        "Policy.ReadWrite.Authorization", "Privileged Role Administrator");

    /// <summary>True when owners are restricted from reading the BitLocker keys of their devices.</summary>
    public Task<bool> GetAsync(CancellationToken cancellationToken) =>
        connection.Run(Read, async call =>
        {
            var policy = await connection.Client.Policies.AuthorizationPolicy.GetAsync(c => c.Options.Add(call.Headers), call.Token)
                ?? throw new UnexpectedPolicyShapeException("Graph answered the authorization policy GET with an empty body.");
            return BitLockerKeyRecoveryMapping.RestrictOwnersFromReadingKeys(policy);
        }, cancellationToken);

    /// <summary>
    /// Sets only the BitLocker flag (PATCH is partial here). Graph answers 204 without a body, so the value
    /// returned is the one that was asked for.
    /// </summary>
    public Task<bool> SetAsync(bool restrictOwnersFromReadingKeys, CancellationToken cancellationToken) =>
        connection.Run(Update, async call =>
        {
            await connection.Client.Policies.AuthorizationPolicy.PatchAsync(
                BitLockerKeyRecoveryMapping.ToPatch(restrictOwnersFromReadingKeys), c => c.Options.Add(call.Headers), call.Token);
            return restrictOwnersFromReadingKeys;
        }, cancellationToken);
}

using Azure.Core;

namespace EntraDevices.Graph.Connection;

/// <summary>A token the caller already holds (e.g. from <c>az account get-access-token</c>); Graph decides if it is still valid.</summary>
internal sealed class AccessTokenCredential(string token) : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(token, DateTimeOffset.UtcNow.AddMinutes(5));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}

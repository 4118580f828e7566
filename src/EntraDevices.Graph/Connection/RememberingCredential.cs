using Azure.Core;

namespace EntraDevices.Graph.Connection;

/// <summary>Passes tokens through unchanged, remembering each one so that no error text can carry it.</summary>
internal sealed class RememberingCredential(TokenCredential inner, Redaction redaction) : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        Remember(inner.GetToken(requestContext, cancellationToken));

    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        Remember(await inner.GetTokenAsync(requestContext, cancellationToken));

    private AccessToken Remember(AccessToken token)
    {
        redaction.Remember(token.Token);
        return token;
    }
}

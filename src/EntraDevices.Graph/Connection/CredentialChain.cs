using Azure.Core;
using Azure.Identity;

namespace EntraDevices.Graph.Connection;

/// <summary>The credential to sign in with, a description of it that is safe to log, and who it signs in as.</summary>
public sealed record ChosenCredential(TokenCredential Credential, string Description, SignedInAs SignedInAs);

/// <summary>
/// Picks the credential in one place; first match wins: an explicit access token, a client secret, an OIDC
/// federated token, then DefaultAzureCredential (Azure CLI, managed identity, environment).
/// </summary>
public static class CredentialChain
{
    public static ChosenCredential Choose(ConnectionSettings settings, CloudEnvironment cloud, HttpClient tokenRequests, SignInHooks? hooks = null)
    {
        if (!string.IsNullOrWhiteSpace(settings.AccessToken))
        {
            return new ChosenCredential(new AccessTokenCredential(settings.AccessToken.Trim()), "an explicit access token (accessToken)",
                TokenIdentity.Of(settings.AccessToken.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(settings.SignIn) && PipelineSkipsPerson(settings, hooks))
        {
            settings = settings with { SignIn = null };
        }

        if (!string.IsNullOrWhiteSpace(settings.SignIn))
        {
            ConnectionSettings.ParseSignIn(settings.SignIn, "signIn (ENTRADEVICES_SIGN_IN)");

            var (tenant, client) = RequireApp(settings, "signIn deviceCode (a person, with the team's app registration)");
            var authority = string.IsNullOrWhiteSpace(settings.AuthorityHost)
                ? cloud.AuthorityHost
                : SecureEndpoint.Require(settings.AuthorityHost, "authorityHost (ENTRADEVICES_AUTHORITY_HOST)");
            if (authority.Scheme != Uri.UriSchemeHttps)
            {
                throw new ConnectionSettingsException("authorityHost (ENTRADEVICES_AUTHORITY_HOST) must use https: Microsoft's sign-in library accepts no other.");
            }

            return new ChosenCredential(new PersonSignIn(tenant, client, authority, hooks ?? new SignInHooks()),
                $"a person signing in with a device code, app registration {client} in tenant {tenant}", SignedInAs.Person);
        }

        if (!string.IsNullOrWhiteSpace(settings.ClientSecret))
        {
            var (tenant, client) = RequireApp(settings, "clientSecret");
            return new ChosenCredential(
                new ClientSecretCredential(tenant, client, settings.ClientSecret,
                    new ClientSecretCredentialOptions { AuthorityHost = cloud.AuthorityHost }),
                $"a client secret for application {client} in tenant {tenant}", SignedInAs.Application);
        }

        if (settings.UseOidc == true || FederatedToken.IsConfigured(settings))
        {
            if (!FederatedToken.IsConfigured(settings))
            {
                throw new ConnectionSettingsException(
                    "useOidc (ARM_USE_OIDC) is true but no federated token is available; set oidcToken (ARM_OIDC_TOKEN), "
                    + "oidcTokenFilePath (ARM_OIDC_TOKEN_FILE_PATH), or oidcRequestUrl + oidcRequestToken "
                    + "(in GitHub Actions: 'permissions: id-token: write' provides ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN).");
            }

            var (tenant, client) = RequireApp(settings, "an OIDC federated token");
            var token = new FederatedToken(settings, tokenRequests);
            return new ChosenCredential(
                new ClientAssertionCredential(tenant, client, token.GetAsync,
                    new ClientAssertionCredentialOptions { AuthorityHost = cloud.AuthorityHost }),
                $"an OIDC federated token for application {client} in tenant {tenant}", SignedInAs.Application);
        }

        var options = new DefaultAzureCredentialOptions { AuthorityHost = cloud.AuthorityHost };
        if (!string.IsNullOrWhiteSpace(settings.TenantId))
        {
            options.TenantId = settings.TenantId;
        }

        if (!string.IsNullOrWhiteSpace(settings.ClientId))
        {
            options.ManagedIdentityClientId = settings.ClientId;
        }

        return new ChosenCredential(new DefaultAzureCredential(options),
            "DefaultAzureCredential (environment, workload identity, managed identity, Azure CLI, …)", SignedInAs.Unknown);
    }

    /// <summary>
    /// A person's choice (<c>signIn: deviceCode</c>, perhaps committed in the stack file the pipelines read too) never makes a
    /// pipeline wait for a code nobody can enter: where the pipeline has an application sign-in of its own (a client
    /// secret, an OIDC federated token), that is used and the run says so; where it has none, the run fails saying what to set.
    /// </summary>
    private static bool PipelineSkipsPerson(ConnectionSettings settings, SignInHooks? hooks)
    {
        if (settings.Pipeline is not { } pipeline)
        {
            return false;
        }

        ConnectionSettings.ParseSignIn(settings.SignIn!, "signIn (ENTRADEVICES_SIGN_IN)");
        var application = !string.IsNullOrWhiteSpace(settings.ClientSecret) ? "its client secret (clientSecret, ARM_CLIENT_SECRET)"
            : settings.UseOidc == true || FederatedToken.IsConfigured(settings) ? "its OIDC federated token (useOidc, ARM_USE_OIDC)"
            : null;
        if (application is null)
        {
            throw new ConnectionSettingsException(
                $"signIn is deviceCode (a person signing in), but this run is a pipeline ({pipeline}), where nobody can enter a device code, "
                + "and no application sign-in is configured: give the pipeline an OIDC federated token (ARM_USE_OIDC, ARM_CLIENT_ID, ARM_TENANT_ID) "
                + "or a client secret, and keep signIn out of the stack file (a person sets ENTRADEVICES_SIGN_IN=deviceCode in their own shell).");
        }

        _ = (hooks ?? new SignInHooks()).Prompt(
            $"signIn is deviceCode, but this run is a pipeline ({pipeline}), where nobody can enter a device code: signing in as the application "
            + $"with {application} instead. Keep signIn out of the stack file; a person sets ENTRADEVICES_SIGN_IN=deviceCode in their own shell.",
            CancellationToken.None);
        return true;
    }

    private static (string Tenant, string Client) RequireApp(ConnectionSettings settings, string using_)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(settings.TenantId))
        {
            missing.Add("tenantId (ARM_TENANT_ID)");
        }

        if (string.IsNullOrWhiteSpace(settings.ClientId))
        {
            missing.Add("clientId (ARM_CLIENT_ID)");
        }

        return missing.Count == 0
            ? (settings.TenantId!.Trim(), settings.ClientId!.Trim())
            : throw new ConnectionSettingsException($"Signing in with {using_} needs {string.Join(" and ", missing)}.");
    }
}

using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace EntraDevices.Graph.Connection;

/// <summary>
/// A person signs in with the device code flow against the team's own app registration: Azure.Identity's
/// DeviceCodeCredential with its persistent token cache and an authentication record on disk, so the several plugin
/// processes of one <c>pulumi up</c> (and the next ones, until the refresh token expires) ask the person once.
/// </summary>
internal sealed class PersonSignIn : TokenCredential
{
    private readonly DeviceCodeCredential _credential;
    private readonly string _recordPath;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _recorded;

    public PersonSignIn(string tenantId, string clientId, Uri authorityHost, SignInHooks hooks)
    {
        // Made here, when a person signs in, not at plugin start: Azure.Identity's persistent cache lives under this
        // folder too, and without it the next plugin process would not find the cached sign-in.
        var localData = LocalDataFolder(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create));
        _recordPath = Path.Combine(hooks.RecordFolder ?? Path.Combine(localData, "entradevices"), $"{Safe(tenantId)}-{Safe(clientId)}.authrecord.json");
        var record = Load(_recordPath);
        _recorded = record is not null;
        var options = new DeviceCodeCredentialOptions
        {
            TenantId = tenantId,
            ClientId = clientId,
            AuthorityHost = authorityHost,
            AuthenticationRecord = record,
            // Encrypted where the platform has a keyring (Windows, macOS, Linux desktops); a file readable only by the user elsewhere.
            TokenCachePersistenceOptions = new TokenCachePersistenceOptions { Name = $"entradevices-{Safe(tenantId)}-{Safe(clientId)}", UnsafeAllowUnencryptedStorage = true },
            DeviceCodeCallback = (code, token) => hooks.Prompt(code.Message, token),
            DisableInstanceDiscovery = SecureEndpoint.IsLoopback(authorityHost),
        };
        if (hooks.Transport is { } transport)
        {
            options.Transport = new HttpClientTransport(transport);
        }

        _credential = new DeviceCodeCredential(options);
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        if (!_recorded)
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                if (!_recorded)
                {
                    // The first sign-in on this machine: prompt once, then remember who signed in for the next processes.
                    var record = await _credential.AuthenticateAsync(requestContext, cancellationToken);
                    Directory.CreateDirectory(Path.GetDirectoryName(_recordPath)!);
                    await using var file = File.Create(_recordPath);
                    await record.SerializeAsync(file, cancellationToken);
                    _recorded = true;
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        return await _credential.GetTokenAsync(requestContext, cancellationToken);
    }

    /// <summary>
    /// The local application data folder, where Azure.Identity keeps its token cache (<c>.IdentityService/</c>) and this
    /// class the authentication record (<c>entradevices/</c>). With no home (HOME unset, as in some service accounts) .NET
    /// answers a relative path or none, and both would land in the working directory, a checkout perhaps: refuse instead.
    /// </summary>
    internal static string LocalDataFolder(string folder) => Path.IsPathFullyQualified(folder)
        ? folder
        : throw new ConnectionSettingsException(
            "signIn is deviceCode, but this process has no local application data folder to keep the sign-in in (HOME is not set, and "
            + "XDG_DATA_HOME is not an absolute path): set HOME (or XDG_DATA_HOME) to a folder of the person's, or sign in another way (README, \"Signing in\").");

    private static AuthenticationRecord? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var file = File.OpenRead(path);
            return AuthenticationRecord.Deserialize(file);
        }
        catch (Exception error) when (error is IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Safe(string value) => string.Concat(value.Trim().Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
}

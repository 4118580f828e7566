using EntraDevices.Graph.Connection;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Configuration;

/// <summary>
/// The Graph connection of a configured provider. It opens on first use, so preview (which never calls
/// Graph) never loads a credential.
/// </summary>
internal sealed class GraphSession(Func<string, string?> environment) : IDisposable
{
    private readonly Lock _gate = new();
    private ConnectionSettings? _settings;
    private GraphConnection? _connection;

    public GraphTuning Tuning { get; init; } = new();

    /// <summary>Where a person's sign-in prompt goes (the engine's Log) and where the sign-in is remembered.</summary>
    public SignInHooks SignIn { get; init; } = new();

    /// <summary>The plugin's environment, where the config keys fall back to their variables.</summary>
    public Func<string, string?> Environment => environment;

    public void Configure(ObjectValue args)
    {
        ConnectionSettings settings;
        try
        {
            settings = ProviderConfig.Settings(args, environment);
        }
        catch (ConnectionSettingsException error)
        {
            throw new CleanFailure(CleanFailureReason.InvalidInput, $"{error.Message} Nothing was changed.", error);
        }

        lock (_gate)
        {
            _settings = settings;
            _connection?.Dispose();
            _connection = null;
        }
    }

    public GraphConnection Connection()
    {
        lock (_gate)
        {
            if (_connection is not null)
            {
                return _connection;
            }

            var settings = _settings ?? throw new CleanFailure(CleanFailureReason.Refused,
                "The provider was not configured before use; the engine must call Configure first. Nothing was changed.");
            try
            {
                return _connection = GraphConnection.Open(settings, Tuning, SignIn);
            }
            catch (Exception error) when (error is ConnectionSettingsException or ArgumentException)
            {
                // Azure.Identity refuses some values with ArgumentException (e.g. a malformed tenant id): still a bad input.
                throw new CleanFailure(CleanFailureReason.InvalidInput, $"{error.Message} Nothing was changed.", error);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection?.Dispose();
        }
    }
}

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

    public void Configure(ObjectValue args)
    {
        lock (_gate)
        {
            _settings = ProviderConfig.Settings(args, environment);
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
                return _connection = GraphConnection.Open(settings, Tuning);
            }
            catch (ConnectionSettingsException error)
            {
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

namespace EntraDevices.Graph.Connection;

/// <summary>The connection settings are contradictory or incomplete; the message names the setting.</summary>
public sealed class ConnectionSettingsException(string message) : Exception(message);

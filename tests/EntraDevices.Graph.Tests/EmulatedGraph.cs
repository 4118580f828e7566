using EntraDevices.Graph.Connection;
using EntraDevices.GraphEmulator;

namespace EntraDevices.Graph.Tests;

/// <summary>Connections to an in-process Graph emulator, with the SDK's retry waits shortened.</summary>
internal static class EmulatedGraph
{
    public const string ReadWrite = "Policy.ReadWrite.DeviceConfiguration";
    public const string ReadOnly = "Policy.Read.DeviceConfiguration";

    /// <summary>A connection to <paramref name="emulator"/>; <paramref name="settings"/> adds any other setting (a timeout, …).</summary>
    public static GraphConnection Connect(GraphEmulator.GraphEmulator emulator, string? token = null, GraphTuning? tuning = null, ConnectionSettings? settings = null) =>
        GraphConnection.Open(
            (settings ?? new ConnectionSettings()) with { AccessToken = token ?? TestTokens.WithRoles(ReadWrite), GraphEndpoint = emulator.BaseUrl },
            tuning ?? new GraphTuning { RetryDelay = TimeSpan.Zero });
}

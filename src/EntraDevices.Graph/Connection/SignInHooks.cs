namespace EntraDevices.Graph.Connection;

/// <summary>
/// How a person's sign-in reaches them and where it is remembered. <see cref="Prompt"/> carries the device code
/// message (the provider sends it through the engine's Log service, since the engine does not show a plugin's
/// stderr); <see cref="Transport"/> replaces the sign-in requests' HTTP handler (tests: to trust a test certificate).
/// </summary>
public sealed record SignInHooks
{
    public Func<string, CancellationToken, Task> Prompt { get; init; } = (message, _) => Console.Error.WriteLineAsync(message);

    /// <summary>Where authentication records are kept; null: <c>entradevices/</c> in the user's local application data folder.</summary>
    public string? RecordFolder { get; init; }

    public HttpMessageHandler? Transport { get; init; }
}

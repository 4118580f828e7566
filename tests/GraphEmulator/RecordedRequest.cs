namespace EntraDevices.GraphEmulator;

/// <summary>
/// One Graph request as the emulator saw it. <paramref name="Path"/> includes the version segment;
/// <paramref name="Status"/> is 0 when no response was sent. The token itself is never kept.
/// </summary>
public sealed record RecordedRequest(string Method, string Path, string? Body, int Status, string? RetryAttempt, bool HadBearerToken);

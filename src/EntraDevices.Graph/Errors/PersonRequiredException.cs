namespace EntraDevices.Graph;

/// <summary>
/// Refused before any Graph call: the object can be read or changed only by a signed-in person, and the connection
/// signs in as an application.
/// </summary>
public sealed class PersonRequiredException(string message) : Exception(message);

namespace Infra.Settings;

/// <summary>
/// The Autopilot devices the stack registers (steps 3 and 7): the OEM's CSV, by a path relative to the project folder
/// (where <c>Pulumi.yaml</c> is) or absolute, and the defaults for rows that name no group tag or user.
/// </summary>
internal sealed record DevicesSettings(string Csv, string? GroupTag, string? AssignedUser, string? WhenRemoved);

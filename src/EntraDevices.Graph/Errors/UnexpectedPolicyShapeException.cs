namespace EntraDevices.Graph;

/// <summary>Graph answered, but with a policy this code cannot read without guessing.</summary>
public sealed class UnexpectedPolicyShapeException(string message) : Exception(message);

namespace Infra.Settings;

/// <summary>The stack configuration is invalid; <see cref="Errors"/> lists every problem found.</summary>
internal sealed class StackSettingsException : Exception
{
    public StackSettingsException(IReadOnlyList<string> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }

    private static string Describe(IReadOnlyList<string> errors) => errors.Count == 1
        ? $"Invalid stack configuration: {errors[0]}"
        : "Invalid stack configuration:" + string.Concat(errors.Select(error => $"\n  - {error}"));
}

using System.Collections.Immutable;
using System.Text.Json;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace Infra.Tests;

/// <summary>One run of the program under Pulumi's test harness, with a given stack configuration.</summary>
internal sealed record ProgramRun(EntraMocks Mocks, ImmutableArray<Resource> Resources, IDictionary<string, object?> Outputs)
{
    /// <summary>The environment variable the Pulumi .NET SDK reads the stack configuration from.</summary>
    private const string ConfigVariable = "PULUMI_CONFIG";

    public static Task<ProgramRun> RunAsync(StackConfigFile file, EntraMocks? mocks = null)
        => RunAsync(file.Config, file.StackName, mocks);

    /// <param name="config">Full keys (<c>project:key</c>) to raw values, as in a stack file.</param>
    /// <param name="stackName">The stack name the program sees.</param>
    /// <param name="mocks">Mocks to inspect afterwards (also when the run throws).</param>
    /// <param name="program">The program body; <see cref="DeviceSettingsProgram.Run"/> by default.</param>
    public static async Task<ProgramRun> RunAsync(
        IReadOnlyDictionary<string, string> config,
        string stackName,
        EntraMocks? mocks = null,
        Func<IDictionary<string, object?>>? program = null)
    {
        mocks ??= new EntraMocks();
        var options = new TestOptions
        {
            ProjectName = StackConfigFile.ProjectName,
            StackName = stackName,
            IsPreview = false,
        };

        var previousConfig = Environment.GetEnvironmentVariable(ConfigVariable);
        var previousExitCode = Environment.ExitCode;
        Environment.SetEnvironmentVariable(ConfigVariable, JsonSerializer.Serialize(config));
        try
        {
            var (resources, outputs) = await Deployment.TestAsync(mocks, options, program ?? DeviceSettingsProgram.Run);
            return new ProgramRun(mocks, resources, outputs);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ConfigVariable, previousConfig);
            // A failed Pulumi program sets the process exit code; it must not leak into the test host.
            Environment.ExitCode = previousExitCode;
        }
    }

    /// <summary>Full configuration keys for <paramref name="values"/> given with short keys.</summary>
    public static IReadOnlyDictionary<string, string> Config(params (string Key, string Value)[] values)
        => StructuredKeys.Values(values.Select(pair => (pair.Key, (string?)pair.Value)))
            .ToDictionary(pair => $"{StackConfigFile.ProjectName}:{pair.Key}", pair => pair.Value!, StringComparer.Ordinal);

    public IReadOnlyList<MockResourceArgs> Registered(string type)
        => [.. Mocks.Registrations.Where(registration => registration.Type == type)];

    public MockResourceArgs Single(string type) => Assert.Single(Registered(type));

    public MockResourceArgs Single(string type, string name)
        => Assert.Single(Registered(type), registration => registration.Name == name);

    /// <summary>The (type, name) of every registered resource, sorted.</summary>
    public IReadOnlyList<string> RegisteredResources()
        => [.. Mocks.Registrations.Select(registration => $"{registration.Type}::{registration.Name}").Order(StringComparer.Ordinal)];

    public T SingleResource<T>()
        where T : Resource
        => Assert.Single(Resources.OfType<T>());

    /// <summary>The value of a stack output that is an <see cref="Output{T}"/>.</summary>
    public Task<T> OutputAsync<T>(string key)
        => OutputUtilities.GetValueAsync(Assert.IsType<Output<T>>(Assert.Contains(key, Outputs)));

    /// <summary>The value of an <see cref="Output{T}"/> nested in a dictionary stack output.</summary>
    public Task<T> OutputAsync<T>(string key, string property)
    {
        var nested = Assert.IsType<Dictionary<string, object?>>(Assert.Contains(key, Outputs));
        return OutputUtilities.GetValueAsync(Assert.IsType<Output<T>>(Assert.Contains(property, nested)));
    }
}

using System.Diagnostics;
using Infra;
using Pulumi;

namespace Infra.Tests;

/// <summary>The program holds the OEM's CSV to the provider's rule (issue #25): the same paths taken, the same refused, in the same words.</summary>
public sealed class ProjectFolderTests : IDisposable
{
    private readonly DirectoryInfo _store = Directory.CreateTempSubdirectory("entradevices-store-");

    public void Dispose() => _store.Delete(recursive: true);

    [Fact]
    public void An_absolute_path_outside_the_project_is_read_as_the_provider_reads_it()
    {
        var file = Path.Combine(_store.FullName, "oem.csv");
        File.WriteAllText(file, "Device Serial Number,Windows Product ID,Hardware Hash\n");

        Assert.Equal(file, ProjectFolder.Csv(file, "'p:autopilotDevices.csv'"));
    }

    [Fact]
    public void A_pipe_is_refused_unopened_naming_the_setting()
    {
        var fifo = Path.Combine(_store.FullName, "fifo.csv");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [fifo]))!)
        {
            mkfifo.WaitForExit();
        }

        var error = Assert.Throws<RunException>(() => ProjectFolder.Csv(fifo, "'p:autopilotDevices.csv'"));

        Assert.StartsWith($"'p:autopilotDevices.csv' names {fifo}, which is empty or is not a regular file", error.Message);
    }

    [Fact]
    public void A_missing_file_says_relative_paths_are_read_from_the_project_folder()
    {
        var error = Assert.Throws<RunException>(() => ProjectFolder.Csv("devices/none-such.csv", "'p:autopilotDevices.csv'"));

        Assert.Contains("names devices/none-such.csv, which does not exist (relative paths are read from the project folder)", error.Message);
    }
}

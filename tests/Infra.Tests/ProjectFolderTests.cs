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

        Assert.IsType<FileAsset>(ProjectFolder.Csv(file, "'p:autopilotDevices.csv'"));
    }

    [Fact]
    public void A_folder_of_csv_files_becomes_a_file_archive_of_it()
    {
        File.WriteAllText(Path.Combine(_store.FullName, "oem-1.csv"), "Device Serial Number,Windows Product ID,Hardware Hash\n");

        Assert.IsType<FileArchive>(ProjectFolder.Csv(_store.FullName, "'p:autopilotDevices.csv'"));
    }

    [Fact]
    public void A_file_not_named_csv_is_refused_in_the_providers_words()
    {
        var file = Path.Combine(_store.FullName, "devices.txt");
        File.WriteAllText(file, "x");

        var error = Assert.Throws<RunException>(() => ProjectFolder.Csv(file, "'p:autopilotDevices.csv'"));

        Assert.Contains("which does not name a .csv file; accepted: a path to the OEM's CSV file, whose name ends in .csv", error.Message);
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

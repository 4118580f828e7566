using System.Diagnostics;
using EntraDevices.Provider.Resources.AutopilotDevices;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Tests.AutopilotDevices;

/// <summary>
/// Where the CSV may be (issue #25): any path, relative to the folder the program runs in or absolute, to a regular
/// .csv file of at most 1 GiB, links followed. Anything else is a clear failure at preview that names 'csv', and
/// never an INTERNAL error, a wait without end or memory without bound; no message quotes what a file holds.
/// </summary>
public sealed class CsvLocationTests : AutopilotDevicesHarness
{
    private string Folder => Directories.Program;

    private IReadOnlyList<string> Failures(string path) =>
        [.. Check(ObjectValue.Of((DevicesProperties.Csv, new AssetValue("h", Path: path)))).Failures.Select(f => $"{f.Property}: {f.Reason}")];

    private string Problem(string path) => Assert.Single(Failures(path));

    [Fact]
    public void An_absolute_path_outside_the_program_folder_is_read_as_a_pipeline_fetching_from_a_protected_store_needs()
    {
        var store = Directory.CreateTempSubdirectory("entradevices-store-");
        try
        {
            var file = Path.Combine(store.FullName, "oem.csv");
            File.WriteAllText(file, $"{Header}\r\n{Row("SN-1")}\r\n");

            Assert.Empty(Failures(file));
            Assert.Empty(Failures(Path.GetRelativePath(Folder, file)));
        }
        finally
        {
            store.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_link_to_a_csv_is_followed()
    {
        Csv("real.csv", Row("SN-1"));
        File.CreateSymbolicLink(Path.Combine(Folder, "link.csv"), Path.Combine(Folder, "real.csv"));

        Assert.Empty(Failures("link.csv"));
    }

    [Fact]
    public void A_link_loop_is_named_as_one_not_an_internal_error()
    {
        File.CreateSymbolicLink(Path.Combine(Folder, "a.csv"), Path.Combine(Folder, "b.csv"));
        File.CreateSymbolicLink(Path.Combine(Folder, "b.csv"), Path.Combine(Folder, "a.csv"));

        Assert.Equal("csv: 'csv' names a.csv, a symbolic link that leads back to itself (a loop); accepted: a path to the OEM's CSV file.", Problem("a.csv"));
    }

    [Fact]
    public void A_link_to_nothing_names_where_it_points()
    {
        File.CreateSymbolicLink(Path.Combine(Folder, "gone.csv"), Path.Combine(Folder, "moved.csv"));

        Assert.Contains($"a symbolic link to {Path.Combine(Folder, "moved.csv")}, which does not exist", Problem("gone.csv"));
    }

    [Fact]
    public void A_pipe_is_refused_before_it_is_opened_never_waited_on()
    {
        // Issue #25: a FIFO blocked Check for ever, and the process then ignored SIGTERM.
        var fifo = Path.Combine(Folder, "fifo.csv");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [fifo]))!)
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        Assert.Contains("names fifo.csv, which is empty or is not a regular file (a pipe, a device or another special file)", Problem("fifo.csv"));
    }

    [Fact]
    public void A_device_behind_a_csv_name_is_refused_without_reading_it()
    {
        // Issue #25: /dev/zero grew memory to 4.2 GB, then INTERNAL.
        File.CreateSymbolicLink(Path.Combine(Folder, "zero.csv"), "/dev/zero");

        Assert.Contains("is not a regular file", Problem("zero.csv"));
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("devices/dev.txt")]
    public void A_file_not_named_csv_is_refused_unread(string path) =>
        Assert.Equal($"csv: 'csv' is \"{path}\", which does not name a .csv file; accepted: a path to the OEM's CSV file, whose name ends in .csv (e.g. devices/dev.csv), "
            + "or to a folder of them.", Problem(path));

    [Theory]
    [InlineData("dev\0.csv")]
    [InlineData("dev\n.csv")]
    public void A_path_with_a_control_character_is_refused_without_showing_it(string path)
    {
        var problem = Problem(path);

        Assert.Contains("is a path with a control character (such as NUL or a line end) in it", problem);
        Assert.DoesNotContain(path, problem);
    }

    [Fact]
    public void A_folder_an_empty_file_and_a_missing_file_are_each_named()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "devices.csv"));
        File.WriteAllText(Path.Combine(Folder, "empty.csv"), "");

        Assert.Contains("names the folder devices.csv, which holds no .csv file", Problem("devices.csv"));
        Assert.Contains("names empty.csv, which is empty or is not a regular file", Problem("empty.csv"));
        Assert.Contains($"names none.csv, which does not exist (relative paths are read from the folder the program runs in, {Folder})", Problem("none.csv"));
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_by_its_size_unread()
    {
        using (var sparse = File.Create(Path.Combine(Folder, "huge.csv")))
        {
            sparse.SetLength(CsvPath.MaxBytes + 1);
        }

        Assert.Contains("names huge.csv, of 1,024 MB; accepted: at most 1,024 MB", Problem("huge.csv"));
    }

    [Fact]
    public void A_file_that_is_not_the_autopilot_csv_is_refused_without_quoting_a_line_of_it()
    {
        File.WriteAllText(Path.Combine(Folder, "settings.csv"), "user=admin;password=hunter2\nmode=nightly\n");

        var problem = Problem("settings.csv");

        Assert.Contains("line 1: is not the Autopilot CSV's header", problem);
        Assert.DoesNotContain("hunter2", problem);
        Assert.DoesNotContain("admin", problem);
    }
}

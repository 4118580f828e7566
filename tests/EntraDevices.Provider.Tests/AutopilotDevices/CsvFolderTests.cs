using EntraDevices.Provider.Resources.AutopilotDevices;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Tests.AutopilotDevices;

/// <summary>
/// A folder of the OEM's CSV files, as a FileArchive (issue #25): OEMs deliver at most 500 rows a file, and one file of
/// 10,000 hashes is past GitHub's 50 MB warning. Each file is checked by file and line, serial numbers and hashes are
/// unique across the files, and the devices of all of them are one set.
/// </summary>
public sealed class CsvFolderTests : AutopilotDevicesHarness
{
    private string Folder(string name, params (string File, string[] Rows)[] files)
    {
        var folder = Path.Combine(Directories.Program, name);
        Directory.CreateDirectory(folder);
        foreach (var (file, rows) in files)
        {
            File.WriteAllText(Path.Combine(folder, file), string.Join("\r\n", rows.Prepend(Header)) + "\r\n");
        }

        return name;
    }

    private static ObjectValue Archive(string path) => ObjectValue.Of((DevicesProperties.Csv, new ArchiveValue("hash-" + path, Path: path)));

    [Fact]
    public async Task The_files_of_a_folder_are_one_set_of_devices_checked_and_imported_together()
    {
        var inputs = Archive(Folder("oem", ("batch-1.csv", [Row("SN-1"), Row("SN-2")]), ("batch-2.csv", [Row("SN-3")])));
        File.WriteAllText(Path.Combine(Directories.Program, "oem", "README.md"), "not a CSV: not read");

        Assert.Empty(Check(inputs).Failures);
        var created = await CreateAsync(inputs);

        Assert.Equal(["SN-1", "SN-2", "SN-3"], Map(created.Outputs, DevicesProperties.Devices).Keys);
        Assert.Equal(["SN-1", "SN-2", "SN-3"], InTenant().Keys.Order());
        Assert.Empty(Diff(created.Outputs, inputs).Changes);
    }

    [Fact]
    public void Problems_name_the_file_and_line_and_a_serial_number_is_unique_across_the_files()
    {
        var inputs = Archive(Folder("oem", ("a.csv", [Row("SN-1"), "SN-2,,not*base64,,"]), ("b.csv", [Row("SN-3"), Row("sn-1")])));

        var failures = Check(inputs).Failures.Select(f => f.Reason).ToList();

        Assert.Equal(2, failures.Count);
        Assert.StartsWith("'csv' a.csv line 3: has a Hardware Hash that is not valid base64", failures[0]);
        Assert.StartsWith("'csv' b.csv line 3: repeats serial number sn-1 of a.csv line 2", failures[1]);
    }

    [Fact]
    public void A_file_asset_of_a_folder_or_a_file_archive_of_a_file_is_refused_naming_what_is_accepted()
    {
        Folder("oem", ("a.csv", [Row("SN-1")]));

        var asFile = Assert.Single(Check(ObjectValue.Of((DevicesProperties.Csv, new AssetValue("h", Path: "oem")))).Failures).Reason;
        var ofFile = Assert.Single(Check(Archive("oem/a.csv")).Failures).Reason;
        var ofAssets = Assert.Single(Check(ObjectValue.Of((DevicesProperties.Csv, new ArchiveValue("h", HasAssets: true)))).Failures).Reason;

        Assert.Equal("'csv' is a FileAsset of the folder oem; accepted: a FileArchive of it (new FileArchive(\"oem\")), whose .csv files are read.", asFile);
        Assert.StartsWith("'csv' is a FileArchive of oem/a.csv, which is not a folder; accepted: a FileAsset of the OEM's CSV", ofFile);
        Assert.StartsWith("'csv' is an AssetArchive; accepted:", ofAssets);
    }
}

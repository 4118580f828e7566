using CsCheck;
using EntraDevices.Provider.Resources.AutopilotDevices;

namespace EntraDevices.Provider.Tests.AutopilotDevices;

/// <summary>The OEM's CSV as memdocs describes it (graph-autopilot-journey.md §2): every bad line named, no hash ever shown.</summary>
public class DeviceCsvTests
{
    private const string Header = "Device Serial Number,Windows Product ID,Hardware Hash,Group Tag,Assigned User";
    private static readonly string Hash = Convert.ToBase64String(Enumerable.Range(0, 64).Select(i => (byte)i).ToArray());

    // Another device's hash: two rows of one hash are one device.
    private static readonly string OtherHash = Convert.ToBase64String(Enumerable.Range(1, 64).Select(i => (byte)i).ToArray());

    // A hash of a real one's size: a few kilobytes.
    private static readonly string RealHash = Convert.ToBase64String(Enumerable.Range(0, 3000).Select(i => (byte)(i * 7)).ToArray());

    private static (List<DeviceRow> Rows, List<CsvProblem> Problems) Parse(params string[] lines) => Read(string.Join("\r\n", lines));

    /// <summary>Every row and problem of a CSV held in memory, read as the resource reads a file.</summary>
    private static (List<DeviceRow> Rows, List<CsvProblem> Problems) Read(string text)
    {
        var problems = new List<CsvProblem>();
        var rows = DeviceCsv.Read(new StringReader(text), problems, keepHashes: true).ToList();
        return (rows, problems);
    }

    [Theory]
    [InlineData("3298451230145")]
    [InlineData("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")]
    [InlineData("00330-80000-00000-AA123")]
    public void The_product_id_column_takes_the_oems_13_digit_pkid_a_product_key_or_a_product_id(string product)
    {
        // Issue #25: the 13-digit PKID that OEMs and Get-WindowsAutopilotInfo deliver was refused as "of no known shape".
        var result = Parse(Header, $"SER-001,{product},{Hash},,");

        Assert.Empty(result.Problems);
        Assert.Equal(product, Assert.Single(result.Rows).ProductKey);
    }

    [Theory]
    [InlineData("329845123014")]
    [InlineData("32984512301456")]
    public void A_product_id_of_another_length_is_refused_naming_what_is_accepted(string product) =>
        Assert.Contains("13-digit Windows Product ID", Assert.Single(Parse(Header, $"SER-001,{product},{Hash},,").Problems).Reason);

    [Fact]
    public void Two_rows_with_one_hash_are_refused_naming_both_lines_never_the_hash()
    {
        // Issue #25: the first up failed with ZtdDeviceDuplicated, the retry with 806.
        var result = Parse(Header, $"SER-001,,{Hash},,", $"SER-002,,{Hash},,");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("same Hardware Hash as line 2", problem.Reason);
        Assert.DoesNotContain(Hash, problem.ToString());
        Assert.Single(result.Rows);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\t")]
    public void A_hash_with_white_space_inside_is_refused_by_line_never_shown(string space)
    {
        // Issue #25: base64 readers skip it, Graph refused the whole chunk of 500 for it.
        var spaced = Hash[..20] + space + Hash[20..];

        var problem = Assert.Single(Parse(Header, $"SER-001,,{spaced},,").Problems);

        Assert.Equal(2, problem.Line);
        Assert.Contains("white space inside it", problem.Reason);
        Assert.DoesNotContain(Hash[..20], problem.ToString());
    }

    [Fact]
    public void Rows_are_read_with_their_line_numbers_and_optional_columns()
    {
        var result = Parse(Header, $"SER-001,,{Hash},Sales,person@contoso.com", $"SER-002,XXXXX-XXXXX-XXXXX-XXXXX-XXXXX,{OtherHash},,", "");

        Assert.Empty(result.Problems);
        Assert.Equal([2, 3], result.Rows.Select(r => r.Line));
        Assert.Equal("Sales", result.Rows[0].GroupTag);
        Assert.Null(result.Rows[1].GroupTag);
        Assert.Null(result.Rows[1].AssignedUser);
    }

    [Theory]
    [InlineData("Device Serial Number,Windows Product ID,Hardware Hash")]
    [InlineData("Device Serial Number,Windows Product ID,Hardware Hash,Group Tag")]
    public void The_last_two_columns_are_optional(string header) =>
        Assert.Empty(Parse(header, $"SER-1,,{Hash}" + new string(',', header.Count(c => c == ',') - 2)).Problems);

    [Theory]
    [InlineData("device serial number,Windows Product ID,Hardware Hash")]
    [InlineData("Device Serial Number,Windows Product ID,Hardware Hash,Assigned User")]
    [InlineData("Device Serial Number,Windows Product ID,Hardware Hash,Group Tag,Assigned User,Notes")]
    public void A_header_that_is_not_exact_is_refused_saying_what_is_accepted(string header)
    {
        var problem = Assert.Single(Parse(header, $"SER-1,,{Hash}").Problems);

        Assert.Equal(1, problem.Line);
        Assert.Contains("case-sensitive", problem.Reason);
    }

    [Fact]
    public void Every_bad_line_is_named_and_the_good_ones_are_kept()
    {
        var result = Parse(Header,
            $",,{Hash},,",
            "SER-2,,not*base64,,",
            $"SER-3,12345,{Hash},,",
            $"SER-4,,{Hash},,not a upn",
            $"\"SER-5\",,{Hash},,",
            $"SER-6,,{Hash},Sales",
            $"SER-7,,{Hash},,",
            $"ser-7,,{Hash},,");

        Assert.Equal([2, 3, 4, 5, 6, 7, 9], result.Problems.Select(p => p.Line));
        Assert.Contains("repeats serial number ser-7 of line 8", result.Problems[^1].Reason);
        Assert.Equal(["SER-7"], result.Rows.Select(r => r.SerialNumber));
    }

    [Fact]
    public void No_problem_and_no_row_text_ever_shows_a_hardware_hash()
    {
        var secret = Convert.ToBase64String(Enumerable.Repeat((byte)0xAB, 3000).ToArray());
        var result = Parse(Header, $"SER-1,bad key,{secret},,", $"SER-2,,{secret},,x y", $"SER-3,,{secret},,", $"{secret},,{secret},,", $"SER-5,,{secret},{secret},",
            $"SER-6,,{secret},,{secret}", $"SER-7,{secret},{secret},,");

        Assert.All(result.Problems, p => Assert.DoesNotContain(secret, p.ToString()));
        Assert.All(result.Rows, r => Assert.DoesNotContain(secret, r.ToString()));
    }

    [Fact]
    public void Any_valid_set_of_devices_written_as_a_csv_reads_back_as_written()
    {
        var device = Gen.Select(Gen.Int[1, 99_999], Gen.Byte.Array[64, 160], Gen.OneOf(Gen.Const((string?)null), Gen.String[Gen.Char.AlphaNumeric, 1, 12].Select(s => (string?)s)));
        device.Array[0, 40].Sample(devices =>
        {
            var unique = devices.DistinctBy(d => d.Item1).ToList();
            var lines = unique.Select(d => $"SN{d.Item1},,{Convert.ToBase64String(d.Item2)},{d.Item3},");
            var result = Read(string.Join('\n', lines.Prepend(Header)));

            Assert.Empty(result.Problems);
            Assert.Equal(unique.Select(d => $"SN{d.Item1}"), result.Rows.Select(r => r.SerialNumber));
            Assert.Equal(unique.Select(d => d.Item3), result.Rows.Select(r => r.GroupTag));
        });
    }

    [Fact]
    public void A_serial_number_and_hash_swapped_are_refused_by_line_and_neither_is_shown()
    {
        // Issue #25: a 12-character serial is valid base64, and the 4 KB hash became the serial in errors, state and diffs.
        var problems = Parse(Header, $"{RealHash},,SER000000001,,").Problems;

        Assert.Equal([2, 2], problems.Select(p => p.Line));
        Assert.Contains(problems, p => p.Reason.Contains("Device Serial Number of 4000 characters (not shown); accepted: at most 64", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Reason.Contains("Hardware Hash of 12 characters", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.DoesNotContain(RealHash[..40], p.ToString()));
        Assert.All(problems, p => Assert.DoesNotContain("SER000000001", p.ToString()));
    }

    [Fact]
    public void A_hash_in_the_group_tag_or_user_column_is_refused_never_stored_or_shown()
    {
        var result = Parse(Header, $"SER-1,,{RealHash},{RealHash},", $"SER-2,,{Hash},,{RealHash}", $"SER-3,,{OtherHash},Sales,");

        Assert.Equal([2, 3], result.Problems.Select(p => p.Line));
        Assert.Contains("Group Tag of 4000 characters (not shown); accepted: at most 128", result.Problems[0].Reason);
        Assert.Contains("Assigned User of 4000 characters (not shown)", result.Problems[1].Reason);
        Assert.All(result.Problems, p => Assert.DoesNotContain(RealHash[..40], p.ToString()));
        Assert.Equal(["SER-3"], result.Rows.Select(r => r.SerialNumber));
    }

    [Theory]
    [InlineData("SER\u00e9-1")]
    [InlineData("SER\u0007-1")]
    public void A_serial_number_with_a_character_outside_printable_ascii_is_refused_not_shown(string serial)
    {
        var problem = Assert.Single(Parse(Header, $"{serial},,{Hash},,").Problems);

        Assert.Contains("printable ASCII", problem.Reason);
        Assert.DoesNotContain(serial, problem.ToString());
    }

    [Fact]
    public void A_vm_serial_number_with_spaces_is_taken()
    {
        // A VMware VM's serial: spaces and a hyphen, 54 characters.
        const string serial = "VMware-42 1a 2b 3c 4d 5e 6f 70-80 91 a2 b3 c4 d5 e6 f7";

        Assert.Equal(serial, Assert.Single(Parse(Header, $"{serial},,{Hash},,").Rows).SerialNumber);
    }

    [Fact]
    public void A_product_key_of_no_known_shape_is_refused_without_showing_it()
    {
        var problem = Assert.Single(Parse(Header, $"SER-1,ABCDE-FGHIJ-KLMNO,{Hash},,").Problems);

        Assert.Contains("Windows Product ID of 17 characters (not shown)", problem.Reason);
        Assert.DoesNotContain("ABCDE", problem.ToString());
    }

    [Fact]
    public void A_file_that_is_not_the_autopilot_csv_never_has_its_first_line_quoted()
    {
        // Issue #25: naming the system's password file quoted its first line; any file that is not the CSV stands for it.
        var problem = Assert.Single(Read("user=admin;password=hunter2\nmode=nightly\n").Problems);

        Assert.Equal(1, problem.Line);
        Assert.Contains("is not the Autopilot CSV's header (it has 1 comma-separated cell(s); its text is not shown)", problem.Reason);
        Assert.DoesNotContain("hunter2", problem.Reason);
        Assert.DoesNotContain("admin", problem.Reason);
    }

    [Fact]
    public void A_line_longer_than_any_row_is_refused_by_line_and_the_next_rows_are_read()
    {
        // A file with no line ends (or not text) takes no more memory than the limit: the long line is skipped.
        var result = Parse(Header, new string('A', LineReader.MaxLine + 10), $"SER-2,,{Hash},,");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains("longer than 32,768 characters (not shown)", problem.Reason);
        Assert.Equal(["SER-2"], result.Rows.Select(r => r.SerialNumber));
    }
}

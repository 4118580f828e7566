using CsCheck;
using EntraDevices.Provider.Resources.AutopilotDevices;

namespace EntraDevices.Provider.Tests.AutopilotDevices;

/// <summary>Lines lent over one pooled buffer read back exactly as written, whatever their length and line ends.</summary>
public class LineReaderTests
{
    private static List<string> ReadAll(string text)
    {
        using var reader = new LineReader(new StringReader(text));
        var lines = new List<string>();
        while (reader.TryRead(out var line))
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    [Fact]
    public void Any_lines_with_either_line_end_read_back_as_written()
    {
        var lines = Gen.String[Gen.Char.AlphaNumeric, 0, 300].Array[1, 30];
        Gen.Select(lines, Gen.Bool, Gen.Bool).Sample((written, crlf, finalEnd) =>
        {
            var end = crlf ? "\r\n" : "\n";
            var text = string.Join(end, written) + (finalEnd ? end : "");
            var expected = finalEnd || written[^1].Length > 0 ? written : written[..^1];

            Assert.Equal(expected, ReadAll(text));
        });
    }

    [Fact]
    public void A_line_longer_than_the_buffer_grows_it_and_is_read_whole()
    {
        var long_ = new string('A', 200_000);

        Assert.Equal(["first", long_, "last"], ReadAll($"first\r\n{long_}\r\nlast"));
    }
}

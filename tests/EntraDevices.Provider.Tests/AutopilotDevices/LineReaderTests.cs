using CsCheck;
using EntraDevices.Provider.Resources.AutopilotDevices;

namespace EntraDevices.Provider.Tests.AutopilotDevices;

/// <summary>Lines lent over one pooled buffer read back exactly as written, whatever their length and line ends.</summary>
public class LineReaderTests
{
    private static List<string> ReadAll(string text, int maxLine = LineReader.MaxLine)
    {
        using var reader = new LineReader(new StringReader(text), maxLine);
        var lines = new List<string>();
        while (reader.TryRead(out var line))
        {
            lines.Add(reader.TooLong ? "<too long>" : line.ToString());
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
    public void A_line_longer_than_the_buffer_grows_it_and_is_read_whole_within_the_limit()
    {
        var long_ = new string('A', 200_000);

        Assert.Equal(["first", long_, "last"], ReadAll($"first\r\n{long_}\r\nlast", maxLine: 250_000));
    }

    [Fact]
    public void Lines_past_the_limit_are_told_as_too_long_and_the_others_read_back_as_written()
    {
        // Issue #25: /dev/zero (no line end, ever) grew memory without bound; now a line past the limit is skipped.
        var lines = Gen.String[Gen.Char.AlphaNumeric, 0, 300].Array[1, 30];
        Gen.Select(lines, Gen.Int[1, 200], Gen.Bool).Sample((written, limit, crlf) =>
        {
            var end = crlf ? "\r\n" : "\n";
            var expected = written.Select(l => l.Length > limit ? "<too long>" : l).ToList();
            if (written[^1].Length == 0)
            {
                expected.RemoveAt(expected.Count - 1);
            }

            Assert.Equal(expected, ReadAll(string.Join(end, written), limit));
        });
    }

    [Fact]
    public void A_text_without_line_ends_is_one_line_too_long_and_never_held_whole()
    {
        var endless = new string('0', 10 * LineReader.MaxLine);

        Assert.Equal(["<too long>"], ReadAll(endless));
    }
}

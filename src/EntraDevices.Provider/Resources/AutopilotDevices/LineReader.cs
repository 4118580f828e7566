using System.Buffers;

namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>
/// Lines of a text, each lent as memory over one pooled buffer (valid until the next read): a CSV of 10,000 hardware
/// hashes is read without a string per line. The line ends (<c>\n</c>, <c>\r\n</c>) are not part of a line. A line
/// longer than <see cref="MaxLine"/> is skipped (read as an empty line with <see cref="TooLong"/> set), so a file that
/// is not text, or has no line ends, never takes more memory than one line of that length.
/// </summary>
internal sealed class LineReader(TextReader reader, int maxLine = LineReader.MaxLine) : IDisposable
{
    /// <summary>A row of the Autopilot CSV is a few kilobytes (the hash); eight times the largest seen is room enough.</summary>
    public const int MaxLine = 32 * 1024;

    private char[] _buffer = ArrayPool<char>.Shared.Rent(Math.Min(64 * 1024, maxLine + 2));
    private int _start;
    private int _end;
    private bool _ended;
    private bool _skipping;

    /// <summary>Whether the line just read was longer than the limit (and is given as empty).</summary>
    public bool TooLong { get; private set; }

    public bool TryRead(out ReadOnlyMemory<char> line)
    {
        TooLong = false;
        while (true)
        {
            var newline = Array.IndexOf(_buffer, '\n', _start, _end - _start);
            if (newline >= 0)
            {
                line = _skipping ? ReadOnlyMemory<char>.Empty : Trimmed(_start, newline);
                TooLong = _skipping || line.Length > maxLine;
                line = TooLong ? ReadOnlyMemory<char>.Empty : line;
                _skipping = false;
                _start = newline + 1;
                return true;
            }

            if (_ended)
            {
                line = _skipping ? ReadOnlyMemory<char>.Empty : Trimmed(_start, _end);
                var any = _skipping || _end > _start;
                TooLong = _skipping || line.Length > maxLine;
                line = TooLong ? ReadOnlyMemory<char>.Empty : line;
                _skipping = false;
                _start = _end;
                return any;
            }

            if (_end - _start > maxLine + 1)
            {
                // Past the limit (and a \r) with no line end: what was read of this line is dropped, and the rest skipped up to its end.
                _skipping = true;
                _start = _end;
            }

            Fill();
        }
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = [];
    }

    private ReadOnlyMemory<char> Trimmed(int from, int to) =>
        _buffer.AsMemory(from, to > from && _buffer[to - 1] == '\r' ? to - from - 1 : to - from);

    /// <summary>Moves what is left to the front, grows the buffer if a line fills it, and reads more.</summary>
    private void Fill()
    {
        var left = _end - _start;
        if (left == _buffer.Length)
        {
            var larger = ArrayPool<char>.Shared.Rent(_buffer.Length * 2);
            Array.Copy(_buffer, _start, larger, 0, left);
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = larger;
        }
        else if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, left);
        }

        _start = 0;
        _end = left;
        var read = reader.Read(_buffer, _end, _buffer.Length - _end);
        _ended = read == 0;
        _end += read;
    }
}

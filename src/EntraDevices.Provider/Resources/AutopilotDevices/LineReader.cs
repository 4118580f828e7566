using System.Buffers;

namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>
/// Lines of a text, each lent as memory over one pooled buffer (valid until the next read): a CSV of 10,000 hardware
/// hashes is read without a string per line. The line ends (<c>\n</c>, <c>\r\n</c>) are not part of a line.
/// </summary>
internal sealed class LineReader(TextReader reader) : IDisposable
{
    private char[] _buffer = ArrayPool<char>.Shared.Rent(64 * 1024);
    private int _start;
    private int _end;
    private bool _ended;

    public bool TryRead(out ReadOnlyMemory<char> line)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, '\n', _start, _end - _start);
            if (newline >= 0)
            {
                line = Trimmed(_start, newline);
                _start = newline + 1;
                return true;
            }

            if (_ended)
            {
                line = Trimmed(_start, _end);
                var any = _end > _start;
                _start = _end;
                return any;
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

using System.Globalization;
using System.Text;

namespace ConcurrencyChaos.Cli.Input;

/// <summary>
/// Reads a whole text file that a person wrote, refusing what is not one: anything but a regular file (a FIFO
/// would wait forever, <c>/dev/zero</c> never ends), a file larger than <see cref="MaxBytes"/>, and text that
/// is not UTF-8. Every refusal is an <see cref="BadInputException"/> naming the file and why.
/// </summary>
internal static class BoundedFile
{
    /// <summary>The largest file read: 16 MiB, far above any scenario or configuration written by hand.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text (a UTF-8 byte order mark dropped).</summary>
    /// <exception cref="BadInputException">The file cannot be read, is not a regular file, is too large, or is not UTF-8.</exception>
    public static string ReadText(string path)
    {
        var kind = FileSystemProbe.KindOf(path);
        if (kind != FileKind.RegularFile)
        {
            throw new BadInputException(kind == FileKind.Missing
                ? $"{path}: no such file"
                : $"{path}: is {FileSystemProbe.Describe(kind)}, not a regular file; chaos reads only regular files");
        }

        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            bytes = ReadAtMost(stream, MaxBytes + 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new BadInputException($"{path}: cannot read the file ({ScenarioFiles.Reason(e)})");
        }

        if (bytes.Length > MaxBytes)
        {
            throw new BadInputException(string.Create(CultureInfo.InvariantCulture, $"{path}: is larger than {MaxBytes / (1024 * 1024)} MiB; scenario and configuration files are small text files"));
        }

        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        try
        {
            return s_strictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 ? string.Create(CultureInfo.InvariantCulture, $" at byte {start + e.Index}") : string.Empty;
            throw new BadInputException($"{path}: is not UTF-8 text{at}; save it as UTF-8");
        }
    }

    private static byte[] ReadAtMost(Stream stream, int limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

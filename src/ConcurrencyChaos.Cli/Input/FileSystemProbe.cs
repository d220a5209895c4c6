using System.Runtime.InteropServices;

namespace ConcurrencyChaos.Cli.Input;

/// <summary>
/// Tells what a path is without opening it (opening a FIFO waits for a writer; reading <c>/dev/zero</c>
/// never ends), and where it really is, links resolved, so a folder reached twice is walked once.
/// </summary>
/// <remarks>
/// .NET has no public API for the file type on Unix, so this asks the runtime's own native shim
/// (<c>libSystem.Native</c>, shipped with every .NET runtime on Unix), whose <c>FileStatus</c> has the
/// portable file mode at byte offset 4, the S_IFMT values below being the same on every Unix. Where that
/// call is unavailable (Windows, which has no FIFOs or devices under ordinary paths) the managed answer is used.
/// </remarks>
internal static partial class FileSystemProbe
{
    private const int TypeMask = 0xF000;
    private const int FifoType = 0x1000;
    private const int CharacterDeviceType = 0x2000;
    private const int FolderType = 0x4000;
    private const int BlockDeviceType = 0x6000;
    private const int RegularFileType = 0x8000;
    private const int SocketType = 0xC000;

    /// <summary>Larger than any version of the runtime's FileStatus.</summary>
    private const int StatusBufferSize = 512;

    /// <summary>What <paramref name="path"/> is, following links.</summary>
    public static FileKind KindOf(string path)
    {
        if (!OperatingSystem.IsWindows() && NativeKind(path) is { } kind)
        {
            return kind;
        }

        return Directory.Exists(path) ? FileKind.Folder : File.Exists(path) ? FileKind.RegularFile : FileKind.Missing;
    }

    /// <summary>A phrase for a refused kind: "a named pipe (FIFO)", ...</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "a named pipe (FIFO)",
        FileKind.Device => "a device",
        FileKind.Socket => "a socket",
        FileKind.Folder => "a folder",
        FileKind.Missing => "nothing (no such file, or a link to nothing)",
        _ => "a regular file",
    };

    /// <summary>
    /// The path with every link in it resolved (like <c>realpath</c>), or null when a link chain is too
    /// long or loops (more than 40 links, as Linux allows).
    /// </summary>
    public static string? RealPath(string path)
    {
        var pending = new Stack<string>(Split(Path.GetFullPath(path)).Reverse());
        var root = Path.GetPathRoot(Path.GetFullPath(path)) ?? "/";
        var resolved = root;
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? root;
                continue;
            }

            var next = Path.Combine(resolved, part);
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                target = null;
            }

            if (target is null)
            {
                resolved = next;
                continue;
            }

            if (++links > 40)
            {
                return null;
            }

            var absolute = Path.IsPathRooted(target) ? target : Path.Combine(resolved, target);
            foreach (var piece in Split(absolute).Reverse())
            {
                pending.Push(piece);
            }

            resolved = Path.GetPathRoot(absolute) ?? root;
        }

        return resolved;
    }

    private static IEnumerable<string> Split(string path)
    {
        var root = Path.GetPathRoot(path) ?? string.Empty;
        return path[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The kind by the runtime's native stat, or null when that call is unavailable or says only "permission denied".</summary>
    private static FileKind? NativeKind(string path)
    {
        const int PermissionDenied = 13; // EACCES, the same on Linux and macOS
        var buffer = new byte[StatusBufferSize];
        try
        {
            if (Stat(path, buffer) != 0)
            {
                return Marshal.GetLastPInvokeError() == PermissionDenied ? null : FileKind.Missing;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        return (BitConverter.ToInt32(buffer, 4) & TypeMask) switch
        {
            RegularFileType => FileKind.RegularFile,
            FolderType => FileKind.Folder,
            FifoType => FileKind.Fifo,
            SocketType => FileKind.Socket,
            CharacterDeviceType or BlockDeviceType => FileKind.Device,
            _ => FileKind.Device,
        };
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Stat(string path, [Out] byte[] status);
}

namespace ConcurrencyChaos.Cli.Input;

/// <summary>What a path is, links followed: what <c>chaos</c> reads, descends into, or refuses.</summary>
internal enum FileKind
{
    /// <summary>Nothing there (or a link to nothing).</summary>
    Missing,

    /// <summary>A regular file: the only kind that is read.</summary>
    RegularFile,

    /// <summary>A folder.</summary>
    Folder,

    /// <summary>A named pipe: reading it waits for a writer, so it is refused.</summary>
    Fifo,

    /// <summary>A character or block device (<c>/dev/zero</c>): endless or not a file, so it is refused.</summary>
    Device,

    /// <summary>A socket: not a file, refused.</summary>
    Socket,
}

namespace ConcurrencyChaos.Model;

/// <summary>
/// The real BCL exception types a leaf can throw. Names are the exception type names. Every one of them is an
/// error, including <see cref="OperationCanceledException"/> and <see cref="TaskCanceledException"/>: those carry
/// a token of the leaf's own that nobody cancelled, never one it was given, like HttpClient's timeout; code that
/// takes every <see cref="System.OperationCanceledException"/> for a cancellation loses them.
/// </summary>
#pragma warning disable CA1720, CA1711 // the members are named after the exception types they stand for
public enum ErrorKind
{
    /// <summary><see cref="System.InvalidOperationException"/>.</summary>
    InvalidOperationException,

    /// <summary><see cref="System.IO.IOException"/>.</summary>
    IOException,

    /// <summary><see cref="System.TimeoutException"/>.</summary>
    TimeoutException,

    /// <summary><see cref="System.ArgumentException"/>.</summary>
    ArgumentException,

    /// <summary><see cref="System.Net.Http.HttpRequestException"/>.</summary>
    HttpRequestException,

    /// <summary>
    /// <see cref="System.OperationCanceledException"/> carrying a token of the leaf's own, not the one it was given: an
    /// error that looks like a cancellation (a timeout of its own, a stray <c>throw new OperationCanceledException(token)</c>).
    /// </summary>
    OperationCanceledException,

    /// <summary>
    /// <see cref="System.Threading.Tasks.TaskCanceledException"/> with a <see cref="System.TimeoutException"/> inside,
    /// carrying a token of the leaf's own: HttpClient's timeout. An error, not a cancellation.
    /// </summary>
    TaskCanceledException,
}
#pragma warning restore CA1720, CA1711

namespace ConcurrencyChaos.Model;

/// <summary>The real BCL exception types a leaf can throw. Names are the exception type names.</summary>
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
}
#pragma warning restore CA1720, CA1711

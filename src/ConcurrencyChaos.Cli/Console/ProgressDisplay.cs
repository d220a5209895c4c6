using System.Diagnostics;
using System.Globalization;

namespace ConcurrencyChaos.Cli.Console;

/// <summary>
/// Search progress on stderr: on a terminal, one line redrawn in place with <c>\r</c> a few times a
/// second; otherwise (CI logs, redirected output) a plain line every few seconds. Called from the
/// search's harness thread only.
/// </summary>
internal sealed class ProgressDisplay : IProgress<ChaosProgress>
{
    private static readonly TimeSpan s_terminalInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_logInterval = TimeSpan.FromSeconds(5);

    private readonly TextWriter _error;
    private readonly bool _terminal;
    private readonly string _label;
    private readonly int _total;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _last;
    private int _width;

    public ProgressDisplay(TextWriter error, bool terminal, string label, int total)
    {
        _error = error;
        _terminal = terminal;
        _label = label;
        _total = total;
    }

    /// <summary>Gets how many trees the search reported having run, the last time it reported.</summary>
    public int Trees { get; private set; }

    /// <summary>Gets the real time since the display was made (the search's start).</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>The search ran this many trees holding this many nodes so far.</summary>
    public void Report(ChaosProgress value)
    {
        var (trees, nodes) = (value.TreesRun, value.NodesRun);
        Trees = trees;
        var now = _clock.Elapsed;
        if (now - _last < (_terminal ? s_terminalInterval : s_logInterval) && trees < _total)
        {
            return;
        }

        _last = now;
        var line = string.Create(CultureInfo.InvariantCulture, $"{_label}: {trees}/{_total} trees, {nodes} nodes, {now.TotalSeconds:0.0} s");
        if (_terminal)
        {
            _error.Write("\r" + line.PadRight(_width));
            _width = line.Length;
        }
        else
        {
            _error.WriteLine(line);
        }

        _error.Flush();
    }

    /// <summary>Clears the redrawn line so what follows starts on a clean line.</summary>
    public void Finish()
    {
        if (_terminal && _width > 0)
        {
            _error.Write("\r" + new string(' ', _width) + "\r");
            _error.Flush();
        }
    }
}

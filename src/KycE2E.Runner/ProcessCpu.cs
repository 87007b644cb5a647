using System.Globalization;

namespace KycE2E.Runner;

/// <summary>The fields of one /proc/&lt;pid&gt;/stat line the CPU count needs, in clock ticks.</summary>
public readonly record struct ProcStat(int Pid, int ParentPid, long UserTicks, long SystemTicks, long ChildrenUserTicks, long ChildrenSystemTicks, long StartTicks)
{
    /// <summary>Its own CPU (fields 14 and 15) and that of the children it reaped (16 and 17).</summary>
    public long Ticks => UserTicks + SystemTicks + ChildrenUserTicks + ChildrenSystemTicks;

    /// <summary>Reads a stat line, or null when it is not one. The command (field 2) may hold spaces and parentheses, so fields are counted after its last ')'.</summary>
    public static ProcStat? Parse(string line)
    {
        var open = line.IndexOf('(', StringComparison.Ordinal);
        var close = line.LastIndexOf(')');
        if (open <= 0 || close < open || !int.TryParse(line.AsSpan(0, open).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        var rest = line[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries); // rest[0] is field 3, the state
        long? Field(int n) => n - 3 < rest.Length && long.TryParse(rest[n - 3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;
        return (Field(4), Field(14), Field(15), Field(16), Field(17), Field(22)) is ({ } ppid, { } utime, { } stime, { } cutime, { } cstime, { } start)
            ? new ProcStat(pid, (int)ppid, utime, stime, cutime, cstime, start)
            : null;
    }
}

/// <summary>
/// The CPU of every process a run started, children included. What the runner reaps (the run's dotnet test, and through
/// it everything that process reaped: test host, sandbox, browsers, Appium, chromedriver) shows in the runner's own
/// cutime and cstime; a process that left the tree while alive (its parent ended first, so another process reaps it) is
/// counted from its last sample.
/// </summary>
public sealed class CpuTally(int rootPid)
{
    private readonly HashSet<(int Pid, long Start)> _seen = [];
    private readonly Dictionary<(int Pid, long Start), long> _escaped = [];

    /// <summary>How many processes of the run were seen, in the tree or after leaving it.</summary>
    public int Processes => _seen.Count;

    /// <summary>One look at every process of the machine.</summary>
    public void Observe(IReadOnlyCollection<ProcStat> all)
    {
        var children = all.ToLookup(p => p.ParentPid);
        var tree = new HashSet<(int, long)>();
        var pending = new Stack<int>([rootPid]);
        while (pending.Count > 0)
        {
            foreach (var child in children[pending.Pop()])
            {
                if (child.Pid != rootPid && tree.Add((child.Pid, child.StartTicks)))
                {
                    pending.Push(child.Pid);
                }
            }
        }

        foreach (var process in all)
        {
            var key = (process.Pid, process.StartTicks);
            if (tree.Contains(key))
            {
                _seen.Add(key);
            }
            else if (_seen.Contains(key))
            {
                _escaped[key] = process.Ticks; // alive, but no longer below the runner: its CPU will never reach the runner's cutime
            }
        }
    }

    /// <summary>Seconds of CPU of the run: what the runner reaped between the two looks at itself, and the processes that left the tree.</summary>
    public double Seconds(ProcStat rootBefore, ProcStat rootAfter, long ticksPerSecond) =>
        (rootAfter.ChildrenUserTicks + rootAfter.ChildrenSystemTicks - rootBefore.ChildrenUserTicks - rootBefore.ChildrenSystemTicks + _escaped.Values.Sum())
        / (double)ticksPerSecond;
}

/// <summary>Samples /proc while a run goes on (Linux only); <see cref="StopAsync"/> gives its CPU seconds, or null where there is no /proc.</summary>
#pragma warning disable CA1001 // the token source is disposed by StopAsync, which every caller awaits
public sealed class RunCpu
#pragma warning restore CA1001
{
    /// <summary>/proc counts in USER_HZ, which Linux fixes at 100 for user space (sysconf(_SC_CLK_TCK)) on every architecture it runs here.</summary>
    public const long TicksPerSecond = 100;

    private readonly CpuTally _tally = new(System.Environment.ProcessId);
    private readonly ProcStat? _before = Self();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    private RunCpu() => _sampling = SampleAsync();

    public static RunCpu Start() => new();

    public async Task<double?> StopAsync()
    {
        using var stop = _stop;
        await stop.CancelAsync();
        await _sampling;
        _tally.Observe(ReadAll());
        return _before is { } before && Self() is { } after ? _tally.Seconds(before, after, TicksPerSecond) : null;
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            do
            {
                _tally.Observe(ReadAll());
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
            // stopped: the last look is taken by StopAsync
        }
    }

    private static ProcStat? Self() => File.Exists("/proc/self/stat") ? ProcStat.Parse(File.ReadAllText("/proc/self/stat")) : null;

    private static List<ProcStat> ReadAll()
    {
        var all = new List<ProcStat>();
        if (!Directory.Exists("/proc"))
        {
            return all;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(dir);
            if (name.Length == 0 || !name.All(char.IsAsciiDigit))
            {
                continue;
            }

            try
            {
                if (ProcStat.Parse(File.ReadAllText(Path.Combine(dir, "stat"))) is { } stat)
                {
                    all.Add(stat);
                }
            }
            catch (IOException)
            {
                // the process ended while it was read
            }
            catch (UnauthorizedAccessException)
            {
                // another user's process
            }
        }

        return all;
    }
}

using System.Diagnostics;

namespace KycE2E.IntegrationTests.Automation;

/// <summary>
/// The processes below one process, read from /proc (each /proc/&lt;pid&gt;/stat names its parent), and a hard kill
/// that waits until the process is gone. For tests that crash what the suite started: a browser, a chromedriver, the sandbox.
/// </summary>
public static class ProcessTree
{
    /// <summary>Every living descendant of <paramref name="root"/>, children first.</summary>
    public static IReadOnlyList<int> Descendants(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || ParentOf(pid) is not { } parent)
            {
                continue;
            }

            if (!children.TryGetValue(parent, out var list))
            {
                children[parent] = list = [];
            }

            list.Add(pid);
        }

        var found = new List<int>();
        var next = new Queue<int>([root]);
        while (next.TryDequeue(out var pid))
        {
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
            {
                found.Add(child);
                next.Enqueue(child);
            }
        }

        return found;
    }

    public static bool IsDescendantOf(int pid, int root) => Descendants(root).Contains(pid);

    /// <summary>The program's path (/proc/&lt;pid&gt;/exe), or "" when it is gone or not readable.</summary>
    public static string Executable(int pid)
    {
        try
        {
            return File.ResolveLinkTarget($"/proc/{pid}/exe", returnFinalTarget: true)?.FullName ?? "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>The arguments it was started with, the program first.</summary>
    public static IReadOnlyList<string> CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The browser processes (not renderers, GPU or zygotes: those carry --type=) below <paramref name="root"/>.</summary>
    public static IReadOnlyList<int> ChromiumBrowsersBelow(int root) =>
        [.. Descendants(root).Where(p => Path.GetFileName(Executable(p)) == "chromium" && !IsChromiumHelper(p))];

    /// <summary>SIGKILL, as a crash or the kernel's OOM killer would end it, then waits until the process is dead.</summary>
    public static async Task KillHardAsync(int pid)
    {
        KillHard(pid);
        await WaitUntilDeadAsync(pid);
    }

    /// <summary>Sends SIGKILL and returns at once, before whoever watches the process can have noticed.</summary>
    public static void KillHard(int pid)
    {
        using var process = Process.GetProcessById(pid);
        process.Kill(); // SIGKILL on Linux: no handler runs, nothing is cleaned up
    }

    /// <summary>
    /// Until the process has ended: gone from /proc, or a zombie its parent has not reaped yet. Nothing signals
    /// the end of a process that is not our child, so this looks at /proc/&lt;pid&gt;/stat, with a bound for a hang.
    /// </summary>
    public static async Task WaitUntilDeadAsync(int pid)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (StateOf(pid) is not (null or 'Z' or 'X'))
        {
            try
            {
                await tick.WaitForNextTickAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Process {pid} ({Executable(pid)}) was still alive 30 s after it was killed.");
            }
        }
    }

    /// <summary>Chromium rewrites its helpers' command lines into one string, so the flag is looked for in the whole line.</summary>
    private static bool IsChromiumHelper(int pid) => string.Join(' ', CommandLine(pid)).Contains("--type=", StringComparison.Ordinal);

    private static char? StateOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return null; // gone
        }
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
        {
            return null; // gone meanwhile
        }
    }
}

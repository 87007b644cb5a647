using System.Diagnostics;
using System.Text.RegularExpressions;

namespace KycE2E.Automation.Processes;

/// <summary>
/// A server the run starts (the sandbox, Appium): its output goes to a log file, and it counts as ready
/// when it prints the line that says so, so nothing polls or sleeps while it comes up.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private readonly Queue<string> _tail = new();
    private readonly TaskCompletionSource<Match> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Regex _readyLine;

    private ChildProcess(string name, ProcessStartInfo start, Regex readyLine, string logPath)
    {
        Name = name;
        LogPath = logPath;
        _readyLine = readyLine;
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        _log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Exited += (_, _) => _ready.TrySetException(new EnvironmentSetupException(
            $"{Name} exited with code {SafeExitCode()} before it was ready. Last lines of {LogPath}:\n{Tail()}"));
    }

    public string Name { get; }

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    public int Pid => _process.Id;

    /// <summary>Completes when the program has exited, however it ended (crashed, killed, stopped).</summary>
    public Task WaitForExitAsync(CancellationToken cancel = default) => _process.WaitForExitAsync(cancel);

    /// <summary>How the program ended, once <see cref="DisposeAsync"/> has stopped it (on Linux and macOS 137 = killed by SIGKILL); null before.</summary>
    public int? ExitCode { get; private set; }

    /// <summary>Starts the program and waits for its ready line; the match's groups carry what it printed (e.g. its URL).</summary>
    public static async Task<(ChildProcess Process, Match Ready)> StartAsync(
        string name, ProcessStartInfo start, Regex readyLine, string logPath, TimeSpan timeout)
    {
        var child = new ChildProcess(name, start, readyLine, logPath);
        try
        {
            if (!child._process.Start())
            {
                throw new EnvironmentSetupException($"{name} did not start ({start.FileName}).");
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            await child._log.DisposeAsync();
            throw new EnvironmentSetupException($"{name} could not be started: {start.FileName}: {e.Message}", e);
        }

        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        try
        {
            var match = await child._ready.Task.WaitAsync(timeout);
            return (child, match);
        }
        catch (TimeoutException)
        {
            await child.DisposeAsync();
            throw new EnvironmentSetupException(
                $"{name} was not ready within {timeout.TotalSeconds:0} s (Timeouts:StartupSeconds). Last lines of {child.LogPath}:\n{child.Tail()}");
        }
        catch (EnvironmentSetupException)
        {
            await child.DisposeAsync();
            throw;
        }
    }

    /// <summary>Whether the process leads its own process group (started through setsid), read from /proc on Linux.</summary>
    private static bool LeadsOwnProcessGroup(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 2 && fields[2] == pid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static async Task KillProcessGroupAsync(int groupId)
    {
        try
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-KILL", "--", $"-{groupId}"]) { RedirectStandardError = true, UseShellExecute = false });
            if (kill is not null)
            {
                await kill.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or TimeoutException or InvalidOperationException)
        {
            // nothing left in the group, or no kill command: the tree itself is gone already
        }
    }

    public string Tail()
    {
        lock (_logLock)
        {
            return string.Join('\n', _tail);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                var ownGroup = LeadsOwnProcessGroup(_process.Id);
                _process.Kill(entireProcessTree: true);
                if (ownGroup)
                {
                    // Processes whose parent died before them (a browser whose driver crashed) are no longer in the
                    // tree, but still in the child's process group: they go with it (and they may hold its output open).
                    await KillProcessGroupAsync(_process.Id);
                }

                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // never started, or already gone
        }
        catch (TimeoutException)
        {
            // the kill was sent; the parent-death watch of the child finishes the job
        }

        try
        {
            ExitCode = _process.HasExited ? _process.ExitCode : null;
        }
        catch (InvalidOperationException)
        {
            // never started
        }

        _process.Dispose();
        lock (_logLock)
        {
            _log.Dispose();
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            _log.WriteLine(Reporting.Masking.Text(line)); // the log is an artifact: no password or document number in clear
            _tail.Enqueue(line);
            if (_tail.Count > 20)
            {
                _tail.Dequeue();
            }
        }

        if (!_ready.Task.IsCompleted && _readyLine.Match(line) is { Success: true } m)
        {
            _ready.TrySetResult(m);
        }
    }

    private string SafeExitCode()
    {
        try
        {
            return _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }
}

using System.Diagnostics;

namespace KycE2E.Runner;

/// <summary>Child processes of the runner: shown on its console or written to a log, waited for to their end.</summary>
public static class ChildProcesses
{
    /// <summary>How long an interrupted child may take to stop by itself (it had the terminal's SIGINT too) before it is killed.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    /// <summary>How long the output of an ended child may take to reach its log.</summary>
    private static readonly TimeSpan LogDrainLimit = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs the process to its end and returns its exit code. Its output goes to this console, or to <paramref name="logFile"/>
    /// and, line by line as it is written there, to <paramref name="lines"/>. Ctrl-C reaches the child from the terminal (same process group); should it still run <see cref="StopGrace"/> after
    /// the interrupt, it and its children are killed.
    /// </summary>
    public static async Task<int> RunAsync(ProcessStartInfo start, string? logFile, CancellationToken interrupted, Action<string>? lines = null)
    {
        StreamWriter? log = null;
        if (logFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
            log = new StreamWriter(logFile, append: false) { AutoFlush = true };
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
        }

        start.UseShellExecute = false;
        using var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.Exited += (_, _) => exited.TrySetResult();
        if (log is not null)
        {
            process.OutputDataReceived += (_, e) => Write(log, e.Data, lines);
            process.ErrorDataReceived += (_, e) => Write(log, e.Data, lines);
        }

        try
        {
            process.Start();
            if (log is not null)
            {
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
            }

            try
            {
                await exited.Task.WaitAsync(interrupted);
            }
            catch (OperationCanceledException)
            {
                try
                {
                    await exited.Task.WaitAsync(StopGrace, CancellationToken.None);
                }
                catch (TimeoutException)
                {
                    process.Kill(entireProcessTree: true);
                    await exited.Task;
                }
            }

            if (log is not null)
            {
                // The last lines of its log; a grandchild that kept the pipe open (a server still on its way out) is not waited for.
                using var drained = new CancellationTokenSource(LogDrainLimit);
                try
                {
                    await process.WaitForExitAsync(drained.Token);
                }
                catch (OperationCanceledException)
                {
                    process.CancelOutputRead();
                    process.CancelErrorRead();
                }
            }

            return process.ExitCode;
        }
        finally
        {
            if (log is not null)
            {
                lock (log)
                {
                    log.Dispose();
                }
            }
        }
    }

    private static void Write(StreamWriter log, string? line, Action<string>? lines)
    {
        if (line is not null)
        {
            lock (log)
            {
                try
                {
                    log.WriteLine(line);
                    lines?.Invoke(line);
                }
                catch (ObjectDisposedException)
                {
                    // a line after the log was closed: the child's last words, past the drain limit
                }
            }
        }
    }
}

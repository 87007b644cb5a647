using System.Diagnostics;

namespace KycE2E.Runner;

/// <summary>Child processes of the runner: shown on its console or written to a log, waited for to their end.</summary>
public static class ChildProcesses
{
    /// <summary>How long an interrupted child may take to stop by itself (it had the terminal's SIGINT too) before it is killed.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Runs the process to its end and returns its exit code. Its output goes to this console, or to <paramref name="logFile"/>.
    /// Ctrl-C reaches the child from the terminal (same process group); should it still run <see cref="StopGrace"/> after
    /// the interrupt, it and its children are killed.
    /// </summary>
    public static async Task<int> RunAsync(ProcessStartInfo start, string? logFile, CancellationToken interrupted)
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
        using var process = new Process { StartInfo = start };
        if (log is not null)
        {
            process.OutputDataReceived += (_, e) => Write(log, e.Data);
            process.ErrorDataReceived += (_, e) => Write(log, e.Data);
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
                await process.WaitForExitAsync(interrupted);
            }
            catch (OperationCanceledException)
            {
                using var grace = new CancellationTokenSource(StopGrace);
                try
                {
                    await process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(CancellationToken.None);
                }
            }

            return process.ExitCode;
        }
        finally
        {
            if (log is not null)
            {
                await log.DisposeAsync();
            }
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }
}

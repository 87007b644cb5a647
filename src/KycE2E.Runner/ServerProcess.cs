using System.Diagnostics;
using System.Text.RegularExpressions;

namespace KycE2E.Runner;

/// <summary>A server started for a while (a Playwright browser server, an Appium server): ready when it says it listens.</summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    /// <summary>Starts it with its output in <paramref name="logFile"/> and returns once it printed its "listening" line.</summary>
    public static async Task<ServerProcess> StartAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, string logFile, CancellationToken interrupted)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in arguments)
        {
            start.ArgumentList.Add(arg);
        }

        var server = new ServerProcess(new Process { StartInfo = start, EnableRaisingEvents = true }, new StreamWriter(logFile) { AutoFlush = true });
        server._process.OutputDataReceived += (_, e) => server.Line(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Line(e.Data);
        server._process.Exited += (_, _) => server._listening.TrySetException(new InvalidOperationException("it exited"));
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            await server._listening.Task.WaitAsync(StartLimit, interrupted);
            return server;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            await server.DisposeAsync();
            throw new UsageException($"a server did not start: {fileName} {string.Join(' ', start.ArgumentList)} (see {logFile})", ExitCodes.Failed);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            using var stopped = new CancellationTokenSource(StopLimit);
            await _process.WaitForExitAsync(stopped.Token);
        }
        catch (InvalidOperationException)
        {
            // it had already ended
        }
        catch (OperationCanceledException)
        {
            // killed; its output pipe is still held by something it left behind, which the log does not need
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private void Line(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
        }

        if (Listening().IsMatch(line))
        {
            _listening.TrySetResult();
        }
    }

    [GeneratedRegex("listen(ing|er started) on")]
    private static partial Regex Listening();
}

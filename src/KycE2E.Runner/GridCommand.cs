using System.Globalization;
using System.Runtime.InteropServices;

namespace KycE2E.Runner;

/// <summary>./e2e grid up | down | status.</summary>
public sealed record GridVerb(string Action, int Nodes = 2, int? Port = null) : Verb;

/// <summary>
/// A local Selenium Grid 4 for the mobile scenarios (./e2e run --grid URL): `up` starts it and stays until Ctrl-C or
/// `./e2e grid down`; its processes go with it, also when this runner dies. .grid/state.json says what runs.
/// </summary>
public sealed class GridCommand(Suite suite, Func<Uri, Task<string?>> fetch)
{
    public async Task<int> ExecuteAsync(GridVerb verb) => verb.Action switch
    {
        "up" => await UpAsync(verb.Nodes, verb.Port),
        "down" => await DownAsync(),
        _ => await StatusAsync(),
    };

    private async Task<int> UpAsync(int nodes, int? port)
    {
        if (GridState.Load(suite.Repository) is { } running && LocalGrid.Alive(running.Processes[0].Pid))
        {
            throw new UsageException($"grid: a Grid is already up at {running.HubUrl} (runner pid {running.RunnerPid}); ./e2e grid down stops it.");
        }

        // SIGTERM (./e2e grid down, a CI job's end) stops it as Ctrl-C does.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(suite.Interrupted);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        var started = System.Diagnostics.Stopwatch.StartNew();
        suite.Say($"grid: starting a hub and {nodes} relay nodes, each with its own Appium (logs in .grid/)");
        LocalGrid grid;
        try
        {
            grid = await LocalGrid.StartAsync(suite.Repository, nodes, port, fetch, stop.Token);
        }
        catch (UsageException) when (stop.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }

        await using (grid)
        {
            if (stop.IsCancellationRequested)
            {
                return ExitCodes.Interrupted;
            }

            var state = new GridState(System.Environment.ProcessId, grid.HubUrl, nodes, grid.SessionsPerNode, grid.Processes);
            state.Save(suite.Repository);
            grid.Ended += p => suite.Errors.WriteLine($"e2e: grid: {p.Name} (pid {p.Pid}) ended; see {p.Log}");
            suite.Say(string.Create(CultureInfo.InvariantCulture, $"grid: ready in {started.Elapsed.TotalSeconds:0.0} s: {nodes} nodes × {grid.SessionsPerNode} sessions"));
            foreach (var line in Describe(state))
            {
                suite.Say(line);
            }

            suite.Output.WriteLine(grid.HubUrl);
            suite.Say($"grid: ./e2e run --platform mobile --grid {grid.HubUrl}; Ctrl-C or ./e2e grid down stops it");
            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (stop.Token.Register(() => stopped.TrySetResult()))
            {
                await stopped.Task;
            }

            suite.Say("grid: stopping");
        }

        File.Delete(GridState.File(suite.Repository));
        suite.Say("grid: stopped");
        return suite.WasInterrupted ? ExitCodes.Interrupted : ExitCodes.Passed;
    }

    private async Task<int> DownAsync()
    {
        if (GridState.Load(suite.Repository) is not { } state)
        {
            suite.Say("grid: none is up here (no .grid/state.json)");
            return ExitCodes.Passed;
        }

        // The groups first (they are what holds ports), then the runner that waits in `grid up`, which then ends by itself.
        await LocalGrid.StopAsync(state.Processes.Select(p => p.Pid));
        if (state.RunnerPid != System.Environment.ProcessId)
        {
            try
            {
                using var runner = System.Diagnostics.Process.GetProcessById(state.RunnerPid);
                if (runner.ProcessName is "dotnet" or "KycE2E.Runner")
                {
                    _ = LocalGrid.Kill(state.RunnerPid, 15);
                }
            }
            catch (ArgumentException)
            {
                // that runner is gone already
            }
        }

        File.Delete(GridState.File(suite.Repository));
        suite.Say($"grid: stopped {state.Processes.Count} processes (hub {state.HubUrl}, {state.Nodes} nodes)");
        return ExitCodes.Passed;
    }

    private async Task<int> StatusAsync()
    {
        if (GridState.Load(suite.Repository) is not { } state)
        {
            suite.Say("grid: none is up here (no .grid/state.json); ./e2e grid up starts one");
            return ExitCodes.Environment;
        }

        var answer = await fetch(new Uri(state.HubUrl + "/status"));
        var grid = answer is null ? null : GridStatus.Parse(answer);
        foreach (var line in Describe(state, grid, asked: true))
        {
            suite.Say(line);
        }

        return grid is { Ready: true } g && g.UpNodes == state.Nodes ? ExitCodes.Passed : ExitCodes.Failed;
    }

    /// <summary>The lines `up` and `status` print: the hub, then each node with its Appium, its pids and (with an answer) its slots.</summary>
    public static IEnumerable<string> Describe(GridState state, GridStatus? answer = null, bool asked = false)
    {
        var hub = state.Processes.First(p => p.Name == "hub");
        yield return $"grid: hub {state.HubUrl} (pid {hub.Pid}{(LocalGrid.Alive(hub.Pid) ? "" : ", gone")})"
            + (answer is null ? (asked ? ": no answer" : "") : $": {(answer.Ready ? "ready" : "not ready")}, {answer.UpNodes} of {state.Nodes} nodes up");
        for (var i = 1; i <= state.Nodes; i++)
        {
            var node = state.Processes.First(p => p.Name == $"node {i}");
            var appium = state.Processes.First(p => p.Name == $"appium {i}");
            var seen = answer?.Nodes.FirstOrDefault(n => n.Uri.TrimEnd('/') == $"http://127.0.0.1:{node.Port}");
            yield return $"grid: node {i} http://127.0.0.1:{node.Port} (pid {node.Pid}{(LocalGrid.Alive(node.Pid) ? "" : ", gone")}) → Appium http://127.0.0.1:{appium.Port} (pid {appium.Pid}{(LocalGrid.Alive(appium.Pid) ? "" : ", gone")})"
                + (seen is null ? (answer is null ? "" : ": not registered") : $": {seen.Availability}, {seen.Slots.Count(s => s.Busy)} of {seen.MaxSessions} sessions in use");
        }
    }
}

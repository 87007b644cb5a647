using System.Globalization;
using KycE2E.Reporting;

namespace KycE2E.Runner;

/// <summary>./e2e run: the features on one or both platforms, their failed scenarios re-run, one report and the gate.</summary>
public sealed class SuiteRun(Suite suite)
{
    public async Task<int> ExecuteAsync(RunOptions options)
    {
        var policy = Policy(options.Profile);
        // One seed for every pass of the run (retries make the same people again).
        var seed = options.Seed?.ToString(CultureInfo.InvariantCulture)
            ?? (suite.Variable("KYCE2E_Run__Seed") is { Length: > 0 } given ? given : Random.Shared.Next(1, 1_000_000_000).ToString(CultureInfo.InvariantCulture));
        await PreflightAsync();
        await GridPreflightAsync(options);
        await suite.BuildAsync();

        var filter = options.Filter();
        if (options.Shard is { } shard)
        {
            filter = TagFilter.And(filter, $"({suite.ShardFilter(shard.Index, shard.Count, options.Platform)})");
        }

        var runId = suite.Variable("RUN_ID") is { Length: > 0 } id
            ? id
            : suite.NewRunId() + (options.Shard is { } s ? $"-shard-{s.Index}-of-{s.Count}" : "");
        var environment = Environment(options, runId, seed);
        suite.Say($"run {runId}: features on {options.Platform ?? "web and mobile"} ({options.Profile} profile, {options.Workers} workers{(options.Shard is { } sh ? $", shard {sh}" : "")})");

        var dirs = new List<string> { suite.Repository.RunDir(runId) };
        await PassAsync(new TestInvocation(Repository.Specs, "specs", runId, options.Settings, filter, options.Workers, environment), options.Verbose);
        if (suite.WasInterrupted)
        {
            return Interrupted(runId, dirs, policy);
        }

        if (suite.EnvironmentFailed(runId))
        {
            suite.Summarize(runId);
            return ExitCodes.Environment;
        }

        for (var pass = 1; pass <= options.Retries; pass++)
        {
            var failed = TestFilters.Failed([Path.Combine(dirs[^1], "specs.trx")]);
            if (failed.Length == 0)
            {
                break;
            }

            suite.Say($"retry {pass} of {options.Retries}: re-running the failed scenarios only");
            var retryId = $"{runId}/retry-{pass}";
            var retryEnvironment = new Dictionary<string, string?>(environment)
            {
                ["KYCE2E_Run__Id"] = retryId,
                ["KYCE2E_Run__Attempt"] = (pass + 1).ToString(CultureInfo.InvariantCulture),
            };
            // One FullyQualifiedName= per failed test ('=' inside a name is escaped): the retry's count, whatever the adapter loads.
            var count = failed.Split("FullyQualifiedName=").Length - 1;
            await PassAsync(new TestInvocation(Repository.Specs, "specs", retryId, options.Settings, failed, options.Workers, retryEnvironment), options.Verbose, count);
            dirs.Add(suite.Repository.RunDir(retryId));
            if (suite.WasInterrupted)
            {
                return Interrupted(runId, dirs, policy);
            }
        }

        if (options.Shard is null)
        {
            // A shard leaves the file alone, so that every shard of a run splits by the same durations; its merge records them.
            suite.RecordDurations(dirs);
        }

        // A shard's run is not added to the Allure history (its merge is), as with the durations.
        return Math.Min(RunOutcome.Write(suite.Repository.RunDir(runId), dirs, policy, suite.Output, suite.RenderReports(appendHistory: options.Shard is null)), ExitCodes.Failed);
    }

    /// <summary>
    /// One pass of the features: dotnet test's whole output in artifacts/&lt;pass&gt;/console.log, and on the console a line per
    /// finished scenario with its running count (everything with --verbose).
    /// </summary>
    private async Task PassAsync(TestInvocation pass, bool verbose, int? count = null)
    {
        var console = suite.Console(ConsoleForm.Scenarios, verbose);
        if (count is { } expected)
        {
            console.Expect(expected);
        }
        try
        {
            await suite.Dotnet.TestAsync(pass with { LogFile = ConsoleLog(suite.Repository, pass.RunId), Lines = console.Line }, suite.Interrupted);
        }
        finally
        {
            console.Finish();
        }

        suite.Say($"console output: {Path.GetRelativePath(suite.Repository.Root, ConsoleLog(suite.Repository, pass.RunId))}");
    }

    /// <summary>Where a pass's full console output is kept: artifacts/&lt;run&gt;/console.log (a retry's in its own folder).</summary>
    public static string ConsoleLog(Repository repository, string runId) => Path.Combine(repository.RunDir(runId), "console.log");

    /// <summary>The flaky setting of this profile, KYCE2E_FLAKY_FAILS over it; a value it cannot read stops the run.</summary>
    public FlakyPolicy Policy(string profile)
    {
        try
        {
            return FlakyPolicy.For(profile, suite.Variable(FlakyPolicy.Variable), suite.Variable(FlakyPolicy.SkipsVariable));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message.Split(" (Parameter", 2)[0]);
        }
    }

    /// <summary>The variables the test host reads (KYCE2E_Run__*, KYCE2E_Web__*, KYCE2E_Mobile__*, KYCE2E_COMMIT).</summary>
    public Dictionary<string, string?> Environment(RunOptions options, string runId, string seed)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["KYCE2E_Run__Id"] = runId,
            ["KYCE2E_Run__Seed"] = seed,
            ["KYCE2E_COMMIT"] = suite.Commit,
            // The browser and Appium start beside the sandbox, before the first scenario; a value set (even empty) stays.
            ["KYCE2E_Run__Warmup"] = suite.Variable("KYCE2E_Run__Warmup") ?? options.Platform ?? "web,mobile",
        };
        if (options.Headed)
        {
            environment["KYCE2E_Web__Headless"] = "false";
            environment["KYCE2E_Mobile__Headless"] = "false";
        }

        if (options.Device is { } device)
        {
            environment["KYCE2E_Mobile__Device"] = device;
        }

        if (options.Screenshots is { } screenshots)
        {
            environment["KYCE2E_Run__Screenshots"] = screenshots;
        }

        if (options.Grid is { } grid)
        {
            environment["KYCE2E_Mobile__AppiumUrl"] = grid;
        }

        return environment;
    }

    /// <summary>An external environment that does not answer stops the run at once, before anything is built.</summary>
    private async Task PreflightAsync()
    {
        if (suite.Variable("KYCE2E_Environment__BaseUrl") is not { Length: > 0 } url)
        {
            return;
        }

        var baseUrl = url.TrimEnd('/');
        if (!Uri.TryCreate(baseUrl + "/health", UriKind.Absolute, out var health) || !await suite.Answers(health))
        {
            throw new UsageException($"environment unreachable: {baseUrl}/health did not answer within 5 s; check KYCE2E_Environment__BaseUrl, or unset it to use the sandbox.");
        }
    }

    /// <summary>
    /// A Selenium Grid hub (--grid, or KYCE2E_Mobile__AppiumUrl) for the mobile scenarios is asked its /status before
    /// anything is built: down, not ready, or without an UP node for the suite's capabilities stops the run (exit 2, one line).
    /// </summary>
    private async Task GridPreflightAsync(RunOptions options)
    {
        if (options.Platform == "web" || (options.Grid ?? suite.Variable("KYCE2E_Mobile__AppiumUrl")) is not { Length: > 0 } url)
        {
            return;
        }

        url = url.TrimEnd('/');
        var settings = suite.Repository.Path(options.Settings);
        var capabilities = MobileCapabilities.Required(
            suite.Variable("KYCE2E_Mobile__AutomationName") ?? MobileCapabilities.Parameter(settings, "Mobile:AutomationName"),
            suite.Variable("KYCE2E_Mobile__PlatformName") ?? MobileCapabilities.Parameter(settings, "Mobile:PlatformName"));
        var answer = Uri.TryCreate(url + "/status", UriKind.Absolute, out var status) ? await suite.Fetch(status) : null;
        if (GridStatus.Refusal(url, answer, capabilities) is { } refusal)
        {
            throw new UsageException(refusal);
        }

        if (answer is not null && GridStatus.Parse(answer) is { } grid)
        {
            suite.Say($"mobile sessions through the Selenium Grid at {url} ({grid.UpNodes} nodes up, {grid.Nodes.Where(n => n.Up).Sum(n => n.MaxSessions)} sessions at most)");
        }
    }

    /// <summary>Ctrl-C: the test run has stopped; the report of what finished is written all the same.</summary>
    private int Interrupted(string runId, List<string> dirs, FlakyPolicy policy)
    {
        suite.Say("interrupted: writing the report of the scenarios that finished");
        RunOutcome.Write(suite.Repository.RunDir(runId), [.. dirs.Where(Directory.Exists)], policy, suite.Output, suite.RenderReports(appendHistory: false));
        return ExitCodes.Interrupted;
    }
}

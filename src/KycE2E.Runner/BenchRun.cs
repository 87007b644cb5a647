using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace KycE2E.Runner;

/// <summary>
/// ./e2e bench, a benchmark and not a test: full runs with 2 and 1 workers, framework overhead against plain scripts,
/// start-up, load, documents and the sandbox's hardening tests at full size, through src/KycE2E.Bench; results in artifacts/bench/.
/// </summary>
public sealed partial class BenchRun(Suite suite)
{
    /// <summary>The three scenarios the framework-overhead measure compares with plain scripts (src/KycE2E.Bench/Plain*.cs).</summary>
    public const string OverheadFilter = "Name~AUserRejectedForABlurryPhotoRetriesWithSharpPhotosAndIsApproved|(Name~ARetryWithAnUnclearPhotoIsRejectedAgainForThatReason&Name~blurry&Category=web)";

    /// <summary>The scenarios the log-in comparison runs both ways unless --tags names others.</summary>
    public const string LogInTags = "@unclear-photo or @wrong-details";

    private const int StartupRounds = 3;

    public async Task<int> ExecuteAsync(BenchVerb bench)
    {
        await suite.BuildAsync();
        var dir = Path.Combine(suite.Repository.Artifacts, "bench");
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(dir, "overhead"));
        var filter = bench.Tags is null ? "" : TagFilter.From(bench.Tags);
        var code = ExitCodes.Passed;
        foreach (var workers in bench.Runs("workers") ? new[] { 2, 1 } : [])
        {
            suite.Say($"bench: every feature with {workers} worker(s){(bench.Tags is null ? "" : $" ({bench.Tags})")}");
            var clock = Stopwatch.StartNew();
            var runCode = await SuiteAsync($"bench/workers-{workers}", filter, workers);
            await File.AppendAllTextAsync(Path.Combine(dir, "walltimes.tsv"), string.Create(CultureInfo.InvariantCulture, $"{workers}\t{clock.Elapsed.TotalSeconds:0.0}\t{runCode}\n"));
            if (runCode != 0)
            {
                suite.Say($"bench: the run with {workers} worker(s) had failures (artifacts/bench/workers-{workers})");
                code = ExitCodes.Failed;
            }

            if (suite.WasInterrupted)
            {
                return ExitCodes.Interrupted;
            }
        }

        if (bench.Runs("login"))
        {
            code = await LogInWaysAsync(dir, bench.Tags ?? LogInTags, code);
            if (suite.WasInterrupted)
            {
                return ExitCodes.Interrupted;
            }
        }

        for (var i = 1; bench.Runs("overhead") && i <= bench.Repeats && !suite.WasInterrupted; i++)
        {
            suite.Say($"bench: framework overhead, round {i} of {bench.Repeats} (suite, then plain scripts)");
            if (await SuiteAsync($"bench/overhead/suite-{i}", OverheadFilter, 1) != 0)
            {
                suite.Say($"bench: overhead suite run {i} failed (artifacts/bench/overhead/suite-{i})");
                code = ExitCodes.Failed;
            }

            code = await ToolAsync(code, "plain", "--out", Path.Combine(dir, "overhead", $"plain-{i}.json"));
        }

        if (bench.Runs("startup"))
        {
            suite.Say($"bench: start-up ({StartupRounds} rounds)");
            code = await ToolAsync(code, "startup", "--rounds", StartupRounds.ToString(CultureInfo.InvariantCulture), "--out", Path.Combine(dir, "startup.json"));
        }

        if (bench.Runs("load"))
        {
            suite.Say($"bench: load, {bench.Users} users for {bench.Seconds} s");
            code = await ToolAsync(code, "load", "--users", bench.Users.ToString(CultureInfo.InvariantCulture), "--seconds", bench.Seconds.ToString(CultureInfo.InvariantCulture), "--out", Path.Combine(dir, "load.json"));
        }

        if (bench.Runs("documents"))
        {
            suite.Say("bench: documents");
            code = await ToolAsync(code, "documents", "--out", Path.Combine(dir, "documents.json"));
        }

        if (suite.WasInterrupted)
        {
            return ExitCodes.Interrupted;
        }

        var hardeningLog = Path.Combine(dir, "hardening.log");
        if (bench.Runs("hardening"))
        {
            suite.Say("bench: sandbox hardening at full size (5000-case upload fuzz, 20000 failed logins)");
        }

        if (bench.Runs("hardening") && await HardeningAsync(hardeningLog) != 0)
        {
            suite.Say("bench: a hardening test failed (artifacts/bench/hardening.log)");
            code = ExitCodes.Failed;
        }

        if (File.Exists(hardeningLog))
        {
            foreach (var line in File.ReadLines(hardeningLog).Where(l => HardeningFigure().IsMatch(l)).Distinct().Order(StringComparer.Ordinal))
            {
                suite.Output.WriteLine(line);
            }
        }

        suite.Output.WriteLine();
        await ToolAsync(code, "report", "--dir", dir);
        suite.Say("bench: results in artifacts/bench/results.md and results.json");
        return suite.WasInterrupted ? ExitCodes.Interrupted : code;
    }

    /// <summary>
    /// The same scenarios twice, 2 workers each: starting logged in through the log-in page, then through the API
    /// (Run:LogIn); each run's wall and CPU seconds (every process it started, children included) and the machine's
    /// load average before and after go to login.tsv; the report compares the runs' medians per platform.
    /// </summary>
    private async Task<int> LogInWaysAsync(string dir, string tags, int code)
    {
        // The guide's own log-in stays on the page whatever Run:LogIn says: those scenarios would only blur the comparison.
        var filter = TagFilter.From($"({tags}) and not @retry-entry and not @retry-happy");
        foreach (var way in new[] { "ui", "api" })
        {
            suite.Say($"bench: log-in through the {(way == "ui" ? "page" : "API")}, {tags}, 2 workers");
            var load = LoadAverage();
            var cpu = RunCpu.Start();
            var clock = Stopwatch.StartNew();
            var runCode = await SuiteAsync($"bench/login-{way}", filter, 2, ("KYCE2E_Run__LogIn", way));
            var wall = clock.Elapsed.TotalSeconds;
            var cpuSeconds = await cpu.StopAsync();
            await File.AppendAllTextAsync(Path.Combine(dir, "login.tsv"), string.Create(CultureInfo.InvariantCulture,
                $"{way}\t{wall:0.0}\t{(cpuSeconds is { } c ? c.ToString("0.0", CultureInfo.InvariantCulture) : "")}\t{runCode}\t{load} → {LoadAverage()}\t{tags}\n"));
            if (runCode != 0)
            {
                suite.Say($"bench: the run logging in through the {way} had failures (artifacts/bench/login-{way})");
                code = ExitCodes.Failed;
            }

            if (suite.WasInterrupted)
            {
                break;
            }
        }

        return code;
    }

    /// <summary>The machine's 1-minute load average (what else runs on it), or "?" where there is no /proc.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    /// <summary>The features for the benchmark with engines warmed up first; output in artifacts/&lt;id&gt;.log.</summary>
    private Task<int> SuiteAsync(string runId, string filter, int workers, params (string Name, string Value)[] settings)
    {
        var environment = new Dictionary<string, string?> { ["KYCE2E_Run__Warmup"] = "web,mobile", ["KYCE2E_Run__Id"] = runId, ["KYCE2E_COMMIT"] = suite.Commit };
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        return suite.Dotnet.TestAsync(
            new TestInvocation(Repository.Specs, "specs", runId, "runsettings/ci.runsettings", filter, workers, environment,
                LogFile: Path.Combine(suite.Repository.Artifacts, runId + ".log")),
            suite.Interrupted);
    }

    /// <summary>The sandbox's heavy hardening tests at full size (docs/reliability.md); the integration tests run them smaller.</summary>
    private Task<int> HardeningAsync(string log) =>
        suite.Dotnet.TestAsync(
            new TestInvocation("tests/KycE2E.IntegrationTests", "hardening", "bench", null,
                "FullyQualifiedName~HardeningUploadFuzzTests|FullyQualifiedName~HardeningLoginAbuseTests", null,
                new Dictionary<string, string?> { ["KYCE2E_FUZZ_CASES"] = "5000", ["KYCE2E_LOGIN_ABUSE_LOGINS"] = "20000" },
                LogFile: log, ConsoleVerbosity: "detailed"),
            suite.Interrupted);

    /// <summary>src/KycE2E.Bench with these arguments; a failure makes the benchmark's exit code 1.</summary>
    private async Task<int> ToolAsync(int code, params string[] arguments)
    {
        if (suite.WasInterrupted)
        {
            return code;
        }

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = suite.Repository.Root };
        start.ArgumentList.Add(suite.Repository.Program("KycE2E.Bench"));
        foreach (var arg in arguments)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["KYCE2E_COMMIT"] = suite.Commit;
        return await ChildProcesses.RunAsync(start, null, suite.Interrupted) == 0 ? code : ExitCodes.Failed;
    }

    [GeneratedRegex("cases in|failed logins in|median failed login")]
    private static partial Regex HardeningFigure();
}

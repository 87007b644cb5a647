using System.Globalization;
using KycE2E.Reporting;

namespace KycE2E.Bench;

/// <summary>One way of starting logged in as ./e2e bench ran it: its line of login.tsv and its run's scenarios.</summary>
internal sealed record LogInRun(string Way, double WallSeconds, double? CpuSeconds, int ExitCode, string Load, string Tags, IReadOnlyList<ScenarioRecord> Scenarios)
{
    public double? CpuPerScenario => CpuSeconds is { } cpu && Scenarios.Count > 0 ? cpu / Scenarios.Count : null;

    public double? WallPerScenario => Scenarios.Count > 0 ? WallSeconds / Scenarios.Count : null;

    /// <summary>The step both ways run, each its own way (features/README.md: "is logged in").</summary>
    public const string LogInStep = "she is logged in";

    public IReadOnlyList<double> PassedSeconds(string platform) =>
        [.. Scenarios.Where(s => s.Outcome == Outcome.Passed && s.Platform == platform).Select(s => s.Seconds)];

    public IReadOnlyList<double> LogInStepSeconds(string platform) =>
        [.. Scenarios.Where(s => s.Outcome == Outcome.Passed && s.Platform == platform).SelectMany(s => s.Steps).Where(t => t.Text == LogInStep).Select(t => t.Seconds)];
}

/// <summary>The same scenarios logged in through the page (ui) and through the API: medians per platform, their ratio, wall and CPU seconds per scenario.</summary>
internal static class LogInComparison
{
    public static readonly string[] Ways = ["ui", "api"];

    public static readonly string[] Platforms = ["web", "mobile"];

    /// <summary>login.tsv (way, wall s, CPU s, exit code, load average, tags) with the scenario records of bench/login-&lt;way&gt;.</summary>
    public static Dictionary<string, LogInRun> Read(string dir)
    {
        var path = Path.Combine(dir, "login.tsv");
        if (!File.Exists(path))
        {
            return [];
        }

        var runs = new Dictionary<string, LogInRun>(StringComparer.Ordinal);
        foreach (var fields in File.ReadAllLines(path).Select(l => l.Split('\t')).Where(f => f.Length >= 6 && Ways.Contains(f[0])))
        {
            runs[fields[0]] = new LogInRun(
                fields[0],
                double.Parse(fields[1], CultureInfo.InvariantCulture),
                fields[2].Length == 0 ? null : double.Parse(fields[2], CultureInfo.InvariantCulture),
                int.Parse(fields[3], CultureInfo.InvariantCulture),
                fields[4],
                fields[5],
                ScenarioRecord.ReadAll(Path.Combine(dir, $"login-{fields[0]}")));
        }

        return runs;
    }

    public static double? Ratio(IReadOnlyList<double> ui, IReadOnlyList<double> api) =>
        ui.Count == 0 || api.Count == 0 || Measurements.Median(api) == 0 ? null : Measurements.Median(ui) / Measurements.Median(api);

    public static List<BenchLine> Lines(LogInRun ui, LogInRun api)
    {
        var culture = CultureInfo.InvariantCulture;
        var lines = new List<BenchLine>();
        foreach (var platform in Platforms)
        {
            var (page, call) = (ui.PassedSeconds(platform), api.PassedSeconds(platform));
            if (Ratio(page, call) is not { } ratio)
            {
                continue;
            }

            lines.Add(new BenchLine($"{platform} scenario, log-in page ÷ log-in API, medians",
                string.Create(culture, $"{ratio:0.00}× ({Measurements.Median(page):0.00} s ÷ {Measurements.Median(call):0.00} s, {page.Count} and {call.Count} scenarios)"),
                "", null, "the same scenarios, one run each way"));
            if (Ratio(ui.LogInStepSeconds(platform), api.LogInStepSeconds(platform)) is { } step)
            {
                lines.Add(new BenchLine($"{platform} log-in step (Given {LogInRun.LogInStep}), page ÷ API, medians",
                    string.Create(culture, $"{step:0.00}× ({Measurements.Median(ui.LogInStepSeconds(platform)):0.00} s ÷ {Measurements.Median(api.LogInStepSeconds(platform)):0.00} s)"),
                    "", null, string.Create(culture, $"{Measurements.Median(ui.LogInStepSeconds(platform)) - Measurements.Median(api.LogInStepSeconds(platform)):0.00} s less per scenario")));
            }
        }

        foreach (var run in new[] { ui, api })
        {
            lines.Add(new BenchLine($"log-in {(run.Way == "ui" ? "page" : "API")}: seconds per scenario, wall and CPU",
                run.WallPerScenario is { } wall
                    ? string.Create(culture, $"{wall:0.00} s wall, {(run.CpuPerScenario is { } cpu ? cpu.ToString("0.00", culture) + " s CPU" : "CPU not measured")} ({run.Scenarios.Count} scenarios: {run.WallSeconds:0} s wall, {(run.CpuSeconds is { } total ? total.ToString("0", culture) : "?")} s CPU)")
                    : "no scenario ran",
                "", null,
                $"{run.Tags}, 2 workers, load average {run.Load}{(run.ExitCode == 0 ? "" : "; the run had failures")}"));
        }

        if (ui.CpuPerScenario is { } uiCpu && api.CpuPerScenario is { } apiCpu && apiCpu > 0)
        {
            lines.Add(new BenchLine("CPU per scenario, log-in page ÷ log-in API", string.Create(culture, $"{uiCpu / apiCpu:0.00}× ({uiCpu:0.00} s ÷ {apiCpu:0.00} s)"), "", null,
                "every process of the run: test host, sandbox, browsers, Appium, chromedriver"));
        }

        return lines;
    }
}

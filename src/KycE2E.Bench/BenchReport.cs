using System.Globalization;
using System.Text;
using System.Text.Json;
using KycE2E.Automation.Environment;
using KycE2E.Reporting;
using KycE2E.Automation.Processes;

namespace KycE2E.Bench;

/// <summary>A measure, its target and whether this run met it.</summary>
internal sealed record BenchLine(string Measure, string Result, string Target, bool? Met, string Note = "");

/// <summary>
/// Reads what ./e2e bench left in its folder (the suite's runs, the plain scripts, start-up, load, documents) and
/// writes results.md and results.json.
/// </summary>
internal static class BenchReport
{
    public static readonly string[] OverheadScenarios = ["happy retry (web)", "blurry retry (web)", "happy retry (mobile)"];

    public static int Write(string dir, TextWriter log)
    {
        var culture = CultureInfo.InvariantCulture;
        var lines = new List<BenchLine>();
        var details = new StringBuilder();
        var json = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", culture),
            ["commit"] = System.Environment.GetEnvironmentVariable("KYCE2E_COMMIT") ?? "unknown",
            ["machine"] = $"{System.Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}",
        };

        // Full runs: wall time with 1 and 2 workers.
        var walls = ReadWallTimes(Path.Combine(dir, "walltimes.tsv"));
        json["fullRuns"] = walls;
        if (walls.TryGetValue(1, out var one) && walls.TryGetValue(2, out var two))
        {
            var ratio = one.Seconds / two.Seconds;
            lines.Add(new BenchLine("full run, 1 worker ÷ 2 workers", string.Create(culture, $"{ratio:0.00}× ({one.Seconds:0} s ÷ {two.Seconds:0} s)"), "≥ 1.4×", ratio >= 1.4,
                one.Passed && two.Passed ? "" : "a run had failures: see its report"));
            json["workerSpeedup"] = Math.Round(ratio, 2);
        }

        // Per-scenario times, per platform, from the 2-worker run.
        var records = ScenarioRecord.ReadAll(Path.Combine(dir, "workers-2")).Where(r => r.Outcome == Outcome.Passed).ToList();
        var perPlatform = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (platform, target) in new[] { ("web", 1.5), ("mobile", 3.0) })
        {
            var seconds = records.Where(r => r.Platform == platform).Select(r => r.Seconds).Order().ToArray();
            if (seconds.Length == 0)
            {
                continue;
            }

            var median = Measurements.Median(seconds);
            var p90 = LoadTest.Percentile(seconds, 0.90);
            perPlatform[platform] = new { scenarios = seconds.Length, median = Math.Round(median, 2), p90 };
            lines.Add(new BenchLine($"{platform} scenario, median (p90)", string.Create(culture, $"{median:0.00} s ({p90:0.00} s), {seconds.Length} scenarios"), string.Create(culture, $"median < {target} s"), median < target));
        }

        json["scenarioSeconds"] = perPlatform;

        // The same scenarios one at a time: how much of their time in the 2-worker run is waiting for the CPU.
        var alone = ScenarioRecord.ReadAll(Path.Combine(dir, "workers-1")).Where(r => r.Outcome == Outcome.Passed).ToList();
        if (alone.Count > 0 && records.Count > 0)
        {
            foreach (var platform in new[] { "web", "mobile" })
            {
                var single = alone.Where(r => r.Platform == platform).Select(r => r.Seconds).ToArray();
                if (single.Length > 0)
                {
                    lines.Add(new BenchLine($"{platform} scenario, median with 1 worker", string.Create(culture, $"{Measurements.Median(single):0.00} s ({LoadTest.Percentile([.. single.Order()], 0.90):0.00} s p90)"), "", null, "the same scenarios, none side by side"));
                }
            }

            var sumOne = alone.Sum(r => r.Seconds);
            var sumTwo = records.Sum(r => r.Seconds);
            lines.Add(new BenchLine("scenario seconds, summed", string.Create(culture, $"{sumOne:0} s with 1 worker, {sumTwo:0} s with 2"), "", null,
                string.Create(culture, $"side by side each scenario took {sumTwo / sumOne:0.00}× as long")));
            json["scenarioSecondsSummed"] = new { oneWorker = Math.Round(sumOne, 1), twoWorkers = Math.Round(sumTwo, 1) };
        }

        // Log-in through the page against through the API, the same scenarios both ways.
        var logIns = LogInComparison.Read(dir);
        if (logIns.TryGetValue("ui", out var ui) && logIns.TryGetValue("api", out var api))
        {
            var logInLines = LogInComparison.Lines(ui, api);
            lines.AddRange(logInLines);
            json["logIn"] = logIns.Values.Select(r => new
            {
                way = r.Way, wallSeconds = r.WallSeconds, cpuSeconds = r.CpuSeconds, scenarios = r.Scenarios.Count, exitCode = r.ExitCode, load = r.Load, tags = r.Tags,
                medians = LogInComparison.Platforms.ToDictionary(p => p, p => Math.Round(Measurements.Median(r.PassedSeconds(p)), 2)),
            });
        }

        // Start-up: the probe's medians, and the suite's own from its 2-worker run.
        var startup = ReadJson<Dictionary<string, double>>(Path.Combine(dir, "startup.json")) ?? [];
        var suiteStartup = ReadJson<Dictionary<string, double>>(Path.Combine(dir, "workers-2", "startup.json")) ?? [];
        json["startup"] = startup;
        json["suiteStartup"] = suiteStartup;
        foreach (var (what, seconds) in startup)
        {
            lines.Add(new BenchLine($"start-up: {what}", string.Create(culture, $"{seconds:0.00} s"), "< 6 s", seconds < 6));
        }

        if (suiteStartup.Count > 0)
        {
            // All from the start of the run: the sandbox, the browser and Appium start side by side.
            var firstScenario = suiteStartup.Values.Max();
            lines.Add(new BenchLine("start-up: the suite ready for its first scenario (sandbox ∥ browser ∥ Appium and its first session)",
                string.Create(culture, $"{firstScenario:0.00} s"), "< 6 s", firstScenario < 6,
                string.Join(", ", suiteStartup.Select(s => string.Create(culture, $"{s.Key} {s.Value:0.00} s")))));
            json["suiteReadySeconds"] = Math.Round(firstScenario, 2);
        }

        // Framework overhead: suite ÷ plain, medians of the repetitions.
        var overhead = new Dictionary<string, object>(StringComparer.Ordinal);
        var suiteTimes = SuiteOverheadTimes(dir);
        var plainTimes = Directory.Exists(Path.Combine(dir, "overhead"))
            ? Directory.EnumerateFiles(Path.Combine(dir, "overhead"), "plain-*.json").Select(f => ReadJson<Dictionary<string, double>>(f) ?? []).ToList()
            : [];
        foreach (var scenario in suiteTimes.Count + plainTimes.Count == 0 ? [] : OverheadScenarios)
        {
            var suite = suiteTimes.TryGetValue(scenario, out var s) ? s : [];
            var plain = plainTimes.Where(p => p.ContainsKey(scenario)).Select(p => p[scenario]).ToList();
            if (suite.Count == 0 || plain.Count == 0)
            {
                lines.Add(new BenchLine($"framework overhead: {scenario}", "not measured", "≤ 1.25×", null, $"suite runs {suite.Count}, plain runs {plain.Count}"));
                continue;
            }

            var ratio = Measurements.Median(suite) / Measurements.Median(plain);
            overhead[scenario] = new { suite = suite.Select(v => Math.Round(v, 2)), plain = plain.Select(v => Math.Round(v, 2)), ratio = Math.Round(ratio, 2) };
            lines.Add(new BenchLine($"framework overhead: {scenario}",
                string.Create(culture, $"{ratio:0.00}× (suite {Measurements.Median(suite):0.00} s ÷ plain {Measurements.Median(plain):0.00} s, {suite.Count} and {plain.Count} runs)"),
                "≤ 1.25×", ratio <= 1.25));
        }

        json["overhead"] = overhead;

        // Load.
        if (ReadJson<JsonElement?>(Path.Combine(dir, "load.json")) is { } load)
        {
            json["load"] = load;
            var errors = load.GetProperty("errors").GetInt32();
            lines.Add(new BenchLine(
                string.Create(culture, $"load: {load.GetProperty("users").GetInt32()} users, full API flow, {load.GetProperty("seconds").GetDouble():0} s"),
                string.Create(culture, $"{load.GetProperty("requestsPerSecond").GetDouble():0.0} requests/s, p95 {load.GetProperty("p95Ms").GetDouble():0} ms, {errors} errors, {load.GetProperty("journeys").GetInt32()} journeys"),
                "0 errors", errors == 0, string.Create(culture, $"sandbox peak RSS {load.GetProperty("sandboxPeakRssMb").GetDouble():0} MB")));
        }

        // Documents.
        var documents = ReadJson<Dictionary<string, double>>(Path.Combine(dir, "documents.json")) ?? [];
        json["documentsMs"] = documents;
        foreach (var (what, ms) in documents)
        {
            lines.Add(new BenchLine($"documents: {what}", string.Create(culture, $"{ms:0} ms"), "", null));
        }

        json["lines"] = lines;
        var markdown = Markdown(json, lines);
        // What the figures mean on this machine, kept beside the code (docs/benchmark-notes.md).
        var notes = Path.Combine(RepositoryLayout.Root, "docs", "benchmark-notes.md");
        if (File.Exists(notes))
        {
            markdown += System.Environment.NewLine + File.ReadAllText(notes);
        }
        File.WriteAllText(Path.Combine(dir, "results.md"), markdown);
        File.WriteAllText(Path.Combine(dir, "results.json"), JsonSerializer.Serialize(json, ScenarioRecord.Json));
        log.Write(markdown);
        return lines.Any(l => l.Met == false) ? 1 : 0;
    }

    private static string Markdown(Dictionary<string, object?> json, List<BenchLine> lines)
    {
        var md = new StringBuilder();
        md.AppendLine("# KycE2E benchmark");
        md.AppendLine();
        md.AppendLine($"{json["date"]}, commit {json["commit"]}, {json["machine"]}. Written by `./e2e bench`; the same figures are in results.json.");
        md.AppendLine();
        md.AppendLine("| measure | result | target | met | note |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var line in lines)
        {
            md.AppendLine($"| {line.Measure} | {line.Result} | {line.Target} | {(line.Met is null ? "" : line.Met.Value ? "yes" : "**no**")} | {line.Note} |");
        }

        return md.ToString();
    }

    /// <summary>The suite's seconds for the three overhead scenarios, over the repeated runs in overhead/suite-N.</summary>
    private static Dictionary<string, List<double>> SuiteOverheadTimes(string dir)
    {
        var times = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var root = Path.Combine(dir, "overhead");
        if (!Directory.Exists(root))
        {
            return times;
        }

        foreach (var run in Directory.EnumerateDirectories(root, "suite-*"))
        {
            foreach (var record in ScenarioRecord.ReadAll(run).Where(r => r.Outcome == Outcome.Passed))
            {
                var name = OverheadName(record);
                if (name is not null)
                {
                    (times.TryGetValue(name, out var list) ? list : times[name] = []).Add(record.Seconds);
                }
            }
        }

        return times;
    }

    private static string? OverheadName(ScenarioRecord record) => record.Scenario switch
    {
        var s when s.StartsWith("A user rejected for a blurry photo retries with sharp photos", StringComparison.Ordinal) => $"happy retry ({record.Platform})",
        var s when s.StartsWith("A retry with an unclear photo is rejected again", StringComparison.Ordinal) && s.Contains("(blurry,", StringComparison.Ordinal) && record.Platform == "web" => "blurry retry (web)",
        _ => null,
    };

    private sealed record WallTime(double Seconds, bool Passed);

    private static Dictionary<int, WallTime> ReadWallTimes(string path) =>
        File.Exists(path)
            ? File.ReadAllLines(path).Select(l => l.Split('\t')).Where(p => p.Length >= 3)
                .ToDictionary(p => int.Parse(p[0], CultureInfo.InvariantCulture), p => new WallTime(double.Parse(p[1], CultureInfo.InvariantCulture), p[2] == "0"))
            : [];

    private static T? ReadJson<T>(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), ScenarioRecord.Json) : default;
}

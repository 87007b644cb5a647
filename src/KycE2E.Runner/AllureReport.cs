using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace KycE2E.Runner;

/// <summary>
/// The Allure report of a run: Allure 3 (tools/allure, Node, no Java) renders OUT_DIR/allure-results into
/// OUT_DIR/allure-report/index.html, one file that opens from the disk, with the history of the last runs kept in
/// artifacts/allure-history.jsonl (or the file KYCE2E_ALLURE_HISTORY names). The report is not the gate: when it cannot
/// be made, one line says why and the run's verdict stays what it was.
/// </summary>
public sealed class AllureReport(Repository repository, TextWriter output, Func<string, string?> variable)
{
    public const string HistoryFileName = "allure-history.jsonl";

    /// <summary>How long Allure may take; a report of a full run takes a few seconds.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public string HistoryFile =>
        variable("KYCE2E_ALLURE_HISTORY") is { Length: > 0 } file ? Path.GetFullPath(file) : Path.Combine(repository.Artifacts, HistoryFileName);

    public string Cli => repository.Path("tools", "allure", "node_modules", "allure", "cli.js");

    /// <summary>
    /// Renders the report; <paramref name="appendHistory"/> false (a shard, an interrupted run) reads the history without
    /// adding this run to it. Returns the report's index.html, or null when it was not made (the line said why).
    /// </summary>
    public string? Render(string outDir, bool appendHistory)
    {
        var report = Path.Combine(outDir, "allure-report");
        var log = Path.Combine(outDir, "allure.log");
        if (!File.Exists(Cli))
        {
            Say("Allure report not made: Allure is not installed in tools/allure (./e2e install, or: cd tools/allure && npm ci).");
            return null;
        }

        if (Directory.Exists(report))
        {
            Directory.Delete(report, recursive: true);
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = repository.Root };
        foreach (var arg in new[] { Cli, "generate", Path.Combine(outDir, "allure-results"), "--config", repository.Path("tools", "allure", "allurerc.mjs"), "--output", report })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["KYCE2E_ALLURE_RESULTS"] = Path.Combine(outDir, "allure-results");
        start.Environment["KYCE2E_ALLURE_HISTORY"] = HistoryFile;
        start.Environment["KYCE2E_ALLURE_APPEND_HISTORY"] = appendHistory ? "true" : "false";
        start.Environment["KYCE2E_ALLURE_NAME"] = $"KycE2E {Path.GetFileName(Path.TrimEndingDirectorySeparator(outDir))}";
        start.Environment["NO_COLOR"] = "1";
        var clock = Stopwatch.StartNew();
        int code;
        try
        {
            using var limit = new CancellationTokenSource(Limit);
            code = ChildProcesses.RunAsync(start, log, limit.Token).GetAwaiter().GetResult();
        }
        catch (Win32Exception)
        {
            Say("Allure report not made: node is not on the PATH (install Node.js 20.19 or newer).");
            return null;
        }

        var index = Path.Combine(report, "index.html");
        if (code != 0 || !File.Exists(index))
        {
            Say($"Allure report not made: allure generate exited {code} (see {Relative(log)}).");
            return null;
        }

        var runs = File.Exists(HistoryFile) ? File.ReadLines(HistoryFile).Count(l => l.Trim().Length > 0) : 0;
        Say(string.Create(CultureInfo.InvariantCulture, $"Allure report: {Relative(index)} ({clock.Elapsed.TotalSeconds:0.0} s; history of {runs} run(s) in {Relative(HistoryFile)})"));
        return index;
    }

    /// <summary>A path under the repository as artifacts/…, any other as it is.</summary>
    private string Relative(string path) => Path.GetRelativePath(repository.Root, path) is var relative && !relative.StartsWith("..", StringComparison.Ordinal) ? relative : path;

    private void Say(string text) => output.WriteLine($"e2e: {text}");
}

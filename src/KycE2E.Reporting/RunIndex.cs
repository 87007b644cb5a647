using System.Globalization;
using System.Net;
using System.Text;

namespace KycE2E.Reporting;

/// <summary>
/// index.html in a run's folder: the gate's verdict, the totals per platform, and links to the reports that show the rest
/// (Allure, the Cucumber report, JUnit, TRX). Not a report of its own: no feature, scenario or step is in it.
/// </summary>
public static class RunIndex
{
    public const string FileName = "index.html";

    /// <summary>UTF-8 without a byte-order mark: Node's JSON.parse and the properties reader take no BOM.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The files it links when they exist, in this order, with what each is for.</summary>
    public static readonly IReadOnlyList<(string File, string What)> Reports =
    [
        ("allure-report/index.html", "Allure report: suites by platform and feature, steps with screenshots and page sources, retries and flaky, categories, the workers' timeline, history and trends of the last runs"),
        ("cucumber.html", "Cucumber report: the features in Gherkin with each step's result, search and filters by tag and status"),
        ("cucumber.json", "Cucumber JSON, for Xray or Zephyr import"),
        ("messages.ndjson", "Cucumber Messages (NDJSON)"),
        ("merged.junit.xml", "JUnit XML of the whole run, retries merged"),
    ];

    public static void Write(string outDir, IReadOnlyList<string> runDirs, RunReport report, FlakyPolicy policy, int exitCode)
    {
        File.WriteAllText(Path.Combine(outDir, FileName), Html(outDir, runDirs, report, policy, exitCode), Utf8);
    }

    public static string Html(string outDir, IReadOnlyList<string> runDirs, RunReport report, FlakyPolicy policy, int exitCode)
    {
        var overall = report.Overall;
        var verdict = exitCode == 0 ? "passed" : "failed";
        var h = new StringBuilder();
        h.Append("""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>KycE2E run</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>
            body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:24px;color:#1d2330;max-width:960px}
            table{border-collapse:collapse;margin:8px 0 20px}td,th{border:1px solid #dde1e8;padding:4px 10px;text-align:right}th:first-child,td:first-child{text-align:left}
            .passed{color:#1a7f5a}.failed{color:#c62828}li{margin:4px 0}
            </style></head><body>
            """);
        h.Append(CultureInfo.InvariantCulture, $"<h1>KycE2E run {E(Path.GetFileName(Path.TrimEndingDirectorySeparator(outDir)))}</h1>");
        h.Append(CultureInfo.InvariantCulture, $"<p id=\"verdict\" class=\"{verdict}\"><strong>{verdict}</strong> (exit code {exitCode}): {overall.Passed + overall.Flaky} passed, {overall.Failed} failed, {overall.Skipped} skipped</p>");
        h.Append(CultureInfo.InvariantCulture, $"<p id=\"policy\">{E(policy.Describe(overall))}</p>");
        h.Append("<table id=\"totals\"><tr><th>platform</th><th>passed</th><th>failed</th><th>flaky</th><th>skipped</th><th>seconds</th></tr>");
        foreach (var (platform, t) in report.TotalsByPlatform().OrderBy(p => p.Key, StringComparer.Ordinal).Append(new("all", overall)))
        {
            h.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(platform)}</td><td>{t.Passed}</td><td>{t.Failed}</td><td>{t.Flaky}</td><td>{t.Skipped}</td><td>{t.Seconds:0.0}</td></tr>");
        }

        h.Append("</table><h2>Reports</h2><ul id=\"reports\">");
        foreach (var (file, what) in Links(outDir, runDirs))
        {
            h.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{E(file)}\">{E(file)}</a>: {E(what)}</li>");
        }

        h.Append("</ul></body></html>\n");
        return h.ToString();
    }

    /// <summary>The reports that exist, relative to OUT_DIR: those above, then each pass's JUnit, TRX, environment and console log.</summary>
    public static IReadOnlyList<(string File, string What)> Links(string outDir, IReadOnlyList<string> runDirs)
    {
        var links = Reports.Where(r => File.Exists(Path.Combine(outDir, r.File))).ToList();
        foreach (var dir in runDirs.Prepend(outDir).Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                var what = name.EndsWith(".junit.xml", StringComparison.Ordinal) && name != "merged.junit.xml" ? "JUnit XML"
                    : name.EndsWith(".trx", StringComparison.Ordinal) ? "TRX (Visual Studio, Azure DevOps)"
                    : name == "environment.json" ? "where it ran: versions, target, seed, start-up times"
                    : name == "console.log" ? "dotnet test's whole output"
                    : null;
                if (what is not null)
                {
                    links.Add((Path.GetRelativePath(outDir, file).Replace('\\', '/'), what));
                }
            }
        }

        return links;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

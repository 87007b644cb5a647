using Cucumber.HtmlFormatter;
using Io.Cucumber.Messages.Types;

namespace KycE2E.Reporting.Cucumber;

/// <summary>
/// A run's Cucumber outputs in its report folder: messages.ndjson (Cucumber Messages), cucumber.html (the official
/// HTML formatter's report of those messages) and cucumber.json (the legacy JSON Xray and Zephyr Scale import).
/// </summary>
public static class CucumberReports
{
    public const string MessagesFile = "messages.ndjson";
    public const string HtmlFile = "cucumber.html";
    public const string JsonFile = "cucumber.json";

    /// <summary>Writes the three files from the result folders' records and the repository's features; returns the console line.</summary>
    public static string Write(string outDir, IReadOnlyList<string> runDirs)
    {
        var featuresDir = FeatureFiles.Locate([.. runDirs, outDir]);
        var features = featuresDir is null ? [] : FeatureFiles.Read(featuresDir);
        var envelopes = CucumberMessages.Build(runDirs.SelectMany(ScenarioRecord.ReadAll), features, outDir);
        WriteAll(outDir, envelopes, $"KycE2E {Path.GetFileName(Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar))}");
        return $"cucumber: {Path.Combine(outDir, HtmlFile)} (and {MessagesFile}, {JsonFile} beside it)";
    }

    public static void WriteAll(string outDir, IReadOnlyList<Envelope> envelopes, string title)
    {
        Directory.CreateDirectory(outDir);
        File.WriteAllLines(Path.Combine(outDir, MessagesFile), envelopes.Select(MessageJson.Serialize));
        File.WriteAllText(Path.Combine(outDir, JsonFile), CucumberJson.Text(envelopes));
        // On the thread pool: the formatter's own awaits must not need the caller's context (the test host's end of run
        // has one, and waiting on it here would never finish).
        Task.Run(() => WriteHtmlAsync(Path.Combine(outDir, HtmlFile), envelopes, title)).GetAwaiter().GetResult();
    }

    private static async Task WriteHtmlAsync(string path, IReadOnlyList<Envelope> envelopes, string title)
    {
        await using var stream = File.Create(path);
        var html = new MessagesToHtmlWriter(stream, (writer, envelope) => writer.WriteAsync(MessageJson.Serialize(envelope)), new HtmlReportSettings { Title = title });
        try
        {
            foreach (var envelope in envelopes)
            {
                await html.WriteAsync(envelope).ConfigureAwait(false);
            }
        }
        finally
        {
            // The writer closes the page (the report's script) here.
            await html.DisposeAsync().ConfigureAwait(false);
        }
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace KycE2E.Reporting.Allure;

/// <summary>
/// The standard allure-results folder of a run (what Allure's own adapters write): one &lt;uuid&gt;-result.json per
/// attempt of a scenario on a platform, its evidence as &lt;uuid&gt;-N-attachment.* files, environment.properties,
/// executor.json and categories.json. Allure 3 (tools/allure) renders it; Allure 2 reads it too.
/// </summary>
public static class AllureResults
{
    public const string Folder = "allure-results";

    /// <summary>UTF-8 without a byte-order mark: Node's JSON.parse and the properties reader take no BOM.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Writes OUT_DIR/allure-results afresh from the result folders (oldest first: a run, then its retries; or shards).
    /// Returns the folder.
    /// </summary>
    public static string Write(string outDir, IReadOnlyList<string> runDirs, AllureExecutor executor)
    {
        var folder = Path.Combine(outDir, Folder);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var records = runDirs.SelectMany(dir => ScenarioRecord.ReadAll(dir).Select(r => (Record: r, RunDir: dir))).ToList();
        var flaky = records.GroupBy(r => r.Record.Key)
            .Where(g => FlakyPolicy.Of([.. g.OrderBy(r => r.Record.Attempt).ThenBy(r => r.Record.StartedAt).Select(r => r.Record.Outcome)]) == Outcome.Flaky)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (record, runDir) in records)
        {
            var result = Result(record, flaky.Contains(record.Key), outDir, file => Locate(runDir, file));
            foreach (var file in result.Files)
            {
                if (file.Text is { } text)
                {
                    File.WriteAllText(Path.Combine(folder, file.Source), text, Utf8);
                }
                else
                {
                    File.Copy(file.CopyFrom!, Path.Combine(folder, file.Source), overwrite: true);
                }
            }

            File.WriteAllText(Path.Combine(folder, $"{result.Result.Uuid}-result.json"), JsonSerializer.Serialize(result.Result, Json), Utf8);
        }

        var environment = RunReport.From(runDirs).Environment;
        File.WriteAllText(Path.Combine(folder, "environment.properties"), Properties(environment), Utf8);
        File.WriteAllText(Path.Combine(folder, "executor.json"), JsonSerializer.Serialize(executor, Json), Utf8);
        File.WriteAllText(Path.Combine(folder, "categories.json"), JsonSerializer.Serialize(AllureCategories.All, Json), Utf8);
        return folder;
    }

    /// <summary>One attempt as an Allure result, with its attachments' files (a copy of the evidence, or a text).</summary>
    public static (AllureResult Result, IReadOnlyList<AllureFile> Files) Result(
        ScenarioRecord record, bool flaky, string outDir, Func<string, string?> locate)
    {
        var uuid = Uuid(record.Id);
        var files = new List<AllureFile>();
        AllureAttachment? Attach(string name, string file)
        {
            if (locate(file) is not { } found)
            {
                return null;
            }

            var extension = Path.GetExtension(found);
            var source = $"{uuid}-{files.Count + 1}-attachment{extension}";
            files.Add(new AllureFile(source, found, null));
            return new AllureAttachment(name, source, ContentType(extension));
        }

        var start = record.StartedAt.ToUnixTimeMilliseconds();
        var stop = start + (long)Math.Round(record.Seconds * 1000);
        var steps = new List<AllureStep>();
        var at = start;
        foreach (var step in record.Steps)
        {
            var until = at + (long)Math.Round(step.Seconds * 1000);
            var shots = step.Screenshot is { } shot && Attach("screenshot", shot) is { } a ? new[] { a } : [];
            steps.Add(new AllureStep(
                $"{step.Keyword} {step.Text}",
                Status(step.Outcome, step.Error),
                step.Error is { } error ? new AllureStatusDetails(Message(error), error) : null,
                at,
                until,
                shots));
            at = until;
        }

        var attachments = new List<AllureAttachment>();
        var links = new List<AllureLink>();
        // A step's screenshot is among the scenario's files too: attached once, to its step.
        var stepShots = record.Steps.Select(s => s.Screenshot).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var file in record.Artifacts.Where(f => !stepShots.Contains(f)))
        {
            var name = Path.GetFileName(file);
            if (name == "trace.zip")
            {
                // A trace is megabytes and opens in Playwright's viewer, not in a page: a link to the run folder's file.
                if (locate(file) is { } trace)
                {
                    var url = Path.GetRelativePath(Path.Combine(outDir, "allure-report"), trace).Replace('\\', '/');
                    var source = $"{uuid}-{files.Count + 1}-attachment.uri";
                    files.Add(new AllureFile(source, null, url + "\n"));
                    attachments.Add(new AllureAttachment("trace.zip (open with ./e2e show-trace)", source, "text/uri-list"));
                    links.Add(new AllureLink("Playwright trace (trace.zip; ./e2e show-trace opens it)", url, "link"));
                }

                continue;
            }

            if (Attach(name, file) is { } attachment)
            {
                attachments.Add(attachment);
            }
        }

        var labels = new List<AllureLabel>
        {
            new("parentSuite", record.Platform),
            new("suite", record.Feature),
            new("feature", record.Feature),
            new("story", record.Scenario),
            new("host", record.Host ?? "unknown"),
            // NUnit's "NUnit.Fw.ParallelWorker#2" as "ParallelWorker#2": the timeline's row names are short.
            new("thread", record.Worker?.Split('.')[^1] ?? "worker"),
            new("framework", "SpecFlow"),
            new("language", "C#"),
        };
        labels.AddRange(record.Tags.Select(t => new AllureLabel("tag", t)));

        var result = new AllureResult(
            uuid,
            HistoryId(record),
            TestCaseId(record),
            record.Scenario,
            $"{record.Feature} / {record.Scenario} [{record.Platform}]",
            [record.Platform, record.Feature],
            Status(record.Outcome, record.Error),
            record.Error is not null || flaky || record.SkipReason is not null
                ? new AllureStatusDetails(record.Error is { } m ? Message(m) : record.SkipReason, record.Error, flaky ? true : null)
                : null,
            "finished",
            start,
            stop,
            labels,
            [new AllureParameter("platform", record.Platform)],
            links,
            steps,
            attachments);
        return (result, files);
    }

    /// <summary>
    /// Allure's four statuses: a scenario the environment failed (the sandbox, Appium or a remote browser not answering)
    /// is broken, any other failure failed.
    /// </summary>
    public static string Status(Outcome outcome, string? error) => outcome switch
    {
        Outcome.Passed => "passed",
        Outcome.Skipped => "skipped",
        Outcome.Failed when error is not null && AllureCategories.EnvironmentRegex().IsMatch(error) => "broken",
        Outcome.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "an attempt passed, failed or was skipped"),
    };

    /// <summary>The same scenario on the same platform in every run and attempt: history and retries group by it.</summary>
    public static string HistoryId(ScenarioRecord record) => Hash($"{record.Feature}\u001f{record.Scenario}\u001f{record.Platform}");

    /// <summary>The scenario whatever the platform; Allure 3 adds the platform parameter to make its history id.</summary>
    public static string TestCaseId(ScenarioRecord record) => Hash($"{record.Feature}\u001f{record.Scenario}");

    /// <summary>The error's head (its message, not its stack), as the console shows it.</summary>
    public static string Message(string error) => string.Join("\n", RunReport.ErrorHead(error));

    /// <summary>environment.properties: one "key = value" a line, escaped as Java properties are.</summary>
    public static string Properties(IReadOnlyDictionary<string, string> environment)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append(Escape(key, isKey: true)).Append('=').Append(Escape(value, isKey: false)).Append('\n');
        }

        return text.ToString();
    }

    private static string Escape(string text, bool isKey)
    {
        var escaped = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            escaped.Append(c switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '=' or ':' or '#' or '!' => "\\" + c,
                ' ' when isKey || i == 0 => "\\ ",
                _ when c > 0x7e => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>
    /// A record's file: where it was written, or, for a result folder copied from another machine (a CI shard), the
    /// same path's tail under the folder the record is in. Null when it is in neither place.
    /// </summary>
    public static string? Locate(string runDir, string file)
    {
        if (File.Exists(file))
        {
            return file;
        }

        var parts = file.Split('/', '\\', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < parts.Length; i++)
        {
            var candidate = Path.Combine([runDir, .. parts[i..]]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string Uuid(string id) => Guid.TryParse(id, out var guid) ? guid.ToString("D") : id;

    private static string ContentType(string extension) => extension.ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".html" => "text/html",
        ".json" => "application/json",
        ".xml" => "application/xml",
        ".zip" => "application/zip",
        _ => "text/plain",
    };

    /// <summary>An id of 32 hex digits, as Allure's own adapters write (the first half of a SHA-256).</summary>
    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}

public sealed record AllureResult(
    string Uuid,
    string HistoryId,
    string TestCaseId,
    string Name,
    string FullName,
    IReadOnlyList<string> TitlePath,
    string Status,
    AllureStatusDetails? StatusDetails,
    string Stage,
    long Start,
    long Stop,
    IReadOnlyList<AllureLabel> Labels,
    IReadOnlyList<AllureParameter> Parameters,
    IReadOnlyList<AllureLink> Links,
    IReadOnlyList<AllureStep> Steps,
    IReadOnlyList<AllureAttachment> Attachments);

/// <summary>An attachment's file in allure-results: a copy of <paramref name="CopyFrom"/>, or <paramref name="Text"/>.</summary>
public sealed record AllureFile(string Source, string? CopyFrom, string? Text);

public sealed record AllureStatusDetails(string? Message, string? Trace, bool? Flaky = null);

public sealed record AllureStep(string Name, string Status, AllureStatusDetails? StatusDetails, long Start, long Stop, IReadOnlyList<AllureAttachment> Attachments, string Stage = "finished");

public sealed record AllureAttachment(string Name, string Source, string Type);

public sealed record AllureLabel(string Name, string Value);

public sealed record AllureParameter(string Name, string Value);

public sealed record AllureLink(string Name, string Url, string Type);

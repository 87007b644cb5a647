using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Gherkin.CucumberMessages;
using Io.Cucumber.Messages.Types;

namespace KycE2E.Reporting.Cucumber;

/// <summary>
/// A run's Cucumber Messages, made from its scenario records and the feature files: each record is matched to its
/// pickle (feature name, the scenario's title with its example row, platform) and becomes one attempt of that pickle's
/// test case, its steps the pickle's steps with the recorded results, its screenshots, page source and trace attached.
/// A record that matches no pickle (a scenario renamed or edited since the run) is not dropped: it is reported in a
/// feature written from the record itself, <c>unmatched/&lt;feature&gt;.feature</c>, tagged <c>@unmatched</c>.
/// </summary>
public static class CucumberMessages
{
    public const string UnmatchedTag = "@unmatched";

    /// <summary>The hook a test case gets when an attempt has failure evidence without a failed step, or failed outside its steps.</summary>
    public const string EvidenceHookName = "failure evidence (screenshot, page source, trace, the environment's record of the case)";

    private const long MaxInlineBytes = 4 * 1024 * 1024;

    /// <summary>The envelopes in the order Cucumber writes them. Attachments name files relative to <paramref name="outDir"/>.</summary>
    public static IReadOnlyList<Envelope> Build(IEnumerable<ScenarioRecord> records, IEnumerable<(string Uri, string Text)> features, string outDir)
    {
        var ids = new IncrementingIdGenerator();
        var parsed = features.Select(f => FeatureFiles.Parse(f.Uri, f.Text, ids)).ToList();
        var places = Places(parsed);
        var all = records.OrderBy(r => r.StartedAt).ThenBy(r => r.Attempt).ToList();
        var byPickle = new Dictionary<string, List<ScenarioRecord>>(StringComparer.Ordinal);
        var unmatched = new List<ScenarioRecord>();
        foreach (var record in all)
        {
            if (Match(places, record) is { } place)
            {
                Add(byPickle, place.Pickle.Id, record);
            }
            else
            {
                unmatched.Add(record);
            }
        }

        var stray = Unmatched(unmatched, ids);
        var strayPlaces = Places(stray);
        foreach (var record in unmatched)
        {
            // Written from the record itself, so it matches; should it not, it is still named by the parse error.
            if (Match(strayPlaces, record) is { } place)
            {
                Add(byPickle, place.Pickle.Id, record);
            }
        }

        var envelopes = new List<Envelope> { Envelope.Create(Meta()) };
        var ran = new List<(ParsedFeature Feature, Pickle Pickle)>();
        foreach (var feature in parsed.Concat(stray))
        {
            var pickles = feature.Pickles.Where(p => byPickle.ContainsKey(p.Id)).ToList();
            if (pickles.Count == 0 && feature.Errors.Count == 0)
            {
                continue;
            }

            envelopes.Add(Envelope.Create(feature.Source));
            envelopes.AddRange(feature.Errors.Select(Envelope.Create));
            if (feature.Document is { } document)
            {
                envelopes.Add(Envelope.Create(document));
            }

            envelopes.AddRange(pickles.Select(Envelope.Create));
            ran.AddRange(pickles.Select(p => (feature, p)));
        }

        var needsHook = ran.Where(r => byPickle[r.Pickle.Id].Any(rec => NeedsHook(rec, r.Pickle))).Select(r => r.Pickle.Id).ToHashSet(StringComparer.Ordinal);
        string? hookId = null;
        if (needsHook.Count > 0)
        {
            hookId = ids.GetNewId();
            envelopes.Add(Envelope.Create(new Hook(hookId, EvidenceHookName, new SourceReference("tests/KycE2E.Specs/Support/ScenarioRecordHooks.cs", null, null, null), null, HookType.AFTER_TEST_CASE)));
        }

        var runStarted = all.Count > 0 ? all.Min(r => r.StartedAt) : DateTimeOffset.UtcNow;
        var runId = ids.GetNewId();
        envelopes.Add(Envelope.Create(new TestRunStarted(Timestamp(runStarted), runId)));
        var testCases = new Dictionary<string, TestCase>(StringComparer.Ordinal);
        foreach (var (_, pickle) in ran)
        {
            List<TestStep> steps = [.. pickle.Steps.Select(s => new TestStep(null, ids.GetNewId(), s.Id, [], []))];
            if (needsHook.Contains(pickle.Id))
            {
                steps.Add(new TestStep(hookId, ids.GetNewId(), null, null, null));
            }

            var testCase = new TestCase(ids.GetNewId(), pickle.Id, steps, runId);
            testCases[pickle.Id] = testCase;
            envelopes.Add(Envelope.Create(testCase));
        }

        var pickleById = ran.ToDictionary(r => r.Pickle.Id, r => r.Pickle, StringComparer.Ordinal);
        var attempts = byPickle
            .Where(p => testCases.ContainsKey(p.Key))
            .SelectMany(p => p.Value.OrderBy(r => r.Attempt).ThenBy(r => r.StartedAt).Select((record, i) => (Pickle: p.Key, Record: record, Attempt: i, Retried: i < p.Value.Count - 1)))
            .OrderBy(a => a.Record.StartedAt).ThenBy(a => a.Attempt);
        var runEnd = runStarted;
        foreach (var attempt in attempts)
        {
            var end = Attempt(envelopes, ids, outDir, pickleById[attempt.Pickle], testCases[attempt.Pickle], attempt.Record, attempt.Attempt, attempt.Retried);
            runEnd = end > runEnd ? end : runEnd;
        }

        var success = byPickle.Values.All(rs => rs.OrderBy(r => r.Attempt).ThenBy(r => r.StartedAt).Last().Outcome != Outcome.Failed);
        envelopes.Add(Envelope.Create(new TestRunFinished(null, success, Timestamp(runEnd), null, runId)));
        return envelopes;
    }

    /// <summary>A timestamp to the nanosecond (100 ns ticks).</summary>
    public static Timestamp Timestamp(DateTimeOffset at)
    {
        var ticks = at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return new Timestamp(ticks / TimeSpan.TicksPerSecond, ticks % TimeSpan.TicksPerSecond * 100);
    }

    public static Duration Duration(double seconds)
    {
        var ticks = Math.Max(0, (long)Math.Round(seconds * TimeSpan.TicksPerSecond));
        return new Duration(ticks / TimeSpan.TicksPerSecond, ticks % TimeSpan.TicksPerSecond * 100);
    }

    /// <summary>The scenario's title as the suite records it: the name, and for an example row its non-empty values in brackets.</summary>
    public static string TitleOf(string name, IEnumerable<string> rowValues)
    {
        var values = rowValues.Where(v => !string.IsNullOrEmpty(v)).ToList();
        return values.Count == 0 ? name : $"{name} ({string.Join(", ", values)})";
    }

    private sealed record Place(ParsedFeature Feature, Pickle Pickle);

    private static DateTimeOffset Attempt(List<Envelope> envelopes, IncrementingIdGenerator ids, string outDir, Pickle pickle, TestCase testCase, ScenarioRecord record, int attempt, bool retried)
    {
        var startedId = ids.GetNewId();
        envelopes.Add(Envelope.Create(new TestCaseStarted(attempt, startedId, testCase.Id, null, Timestamp(record.StartedAt))));
        var at = record.StartedAt;
        var failedStep = record.Steps.ToList().FindIndex(s => s.Outcome == Outcome.Failed);
        var stepShots = record.Steps.Select(s => s.Screenshot).OfType<string>().Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        var evidence = record.Artifacts.Where(a => !stepShots.Contains(Path.GetFullPath(a))).ToList();
        foreach (var (step, i) in testCase.TestSteps.Select((s, i) => (s, i)))
        {
            envelopes.Add(Envelope.Create(new TestStepStarted(startedId, step.Id, Timestamp(at))));
            TestStepResult result;
            var attachments = new List<string>();
            if (step.HookId is null)
            {
                var recorded = i < record.Steps.Count ? record.Steps[i] : null;
                if (recorded is not null)
                {
                    var failed = recorded.Outcome == Outcome.Failed;
                    result = new TestStepResult(Duration(recorded.Seconds), failed ? record.Error ?? recorded.Error : null, StatusOf(recorded.Outcome), failed ? ExceptionOf(record.Error ?? recorded.Error, recorded.Error) : null);
                    attachments.AddRange(recorded.Screenshot is { } shot ? [shot] : []);
                    attachments.AddRange(i == failedStep ? evidence : []);
                }
                else
                {
                    result = new TestStepResult(Duration(0), null, record.Outcome == Outcome.Passed ? TestStepResultStatus.UNKNOWN : TestStepResultStatus.SKIPPED, null);
                }
            }
            else
            {
                var failedHere = record.Outcome == Outcome.Failed && failedStep < 0;
                result = new TestStepResult(Duration(0), failedHere ? record.Error : null, failedHere ? TestStepResultStatus.FAILED : TestStepResultStatus.PASSED, failedHere ? ExceptionOf(record.Error, null) : null);
                attachments.AddRange(failedStep < 0 ? evidence : []);
            }

            envelopes.AddRange(attachments.Select(file => Envelope.Create(AttachmentOf(file, outDir, startedId, step.Id))));
            at += TimeSpan.FromSeconds(result.Duration.Seconds + (result.Duration.Nanos / 1e9));
            envelopes.Add(Envelope.Create(new TestStepFinished(startedId, step.Id, result, Timestamp(at))));
        }

        var end = record.StartedAt + TimeSpan.FromSeconds(record.Seconds);
        end = end > at ? end : at;
        envelopes.Add(Envelope.Create(new TestCaseFinished(startedId, Timestamp(end), retried && record.Outcome == Outcome.Failed)));
        return end;
    }

    private static bool NeedsHook(ScenarioRecord record, Pickle pickle)
    {
        var failedStep = record.Steps.Any(s => s.Outcome == Outcome.Failed);
        var shots = record.Steps.Select(s => s.Screenshot).OfType<string>().Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        return (record.Outcome == Outcome.Failed && !failedStep) || (!failedStep && record.Artifacts.Any(a => !shots.Contains(Path.GetFullPath(a))))
            || record.Steps.Count > pickle.Steps.Count;
    }

    private static TestStepResultStatus StatusOf(Outcome outcome) => outcome switch
    {
        Outcome.Passed or Outcome.Flaky => TestStepResultStatus.PASSED,
        Outcome.Failed => TestStepResultStatus.FAILED,
        Outcome.Skipped => TestStepResultStatus.SKIPPED,
        _ => TestStepResultStatus.UNKNOWN,
    };

    /// <summary>
    /// The exception as the HTML report shows it: its type (from ".NET's Type.Name: message" in the error), its whole
    /// message (the step's recorded one, several lines with Playwright's call log) and the stack's first "at …" lines.
    /// </summary>
    internal static Io.Cucumber.Messages.Types.Exception? ExceptionOf(string? error, string? stepError)
    {
        if (string.IsNullOrWhiteSpace(error))
        {
            return null;
        }

        var lines = error.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var typed = lines.Select(l => System.Text.RegularExpressions.Regex.Match(l.Trim(), @"^([A-Za-z_][\w.`]*(?:Exception|Error)): (.*)$")).FirstOrDefault(m => m.Success);
        // The frames up to the first "--- End of stack trace": the engine's and the suite's own, not SpecFlow's plumbing.
        var stack = string.Join('\n', lines.SkipWhile(l => !l.StartsWith("   at ", StringComparison.Ordinal)).TakeWhile(l => l.StartsWith("   at ", StringComparison.Ordinal)));
        var message = stepError ?? string.Join('\n', lines
            .Where(l => !l.StartsWith("   at ", StringComparison.Ordinal) && !l.StartsWith("--- End of", StringComparison.Ordinal))
            .Select(l => typed is not null && l.Trim() == typed.Value ? typed.Groups[2].Value : l));
        return new Io.Cucumber.Messages.Types.Exception(typed?.Groups[1].Value ?? "Error", message, stack.Length > 0 ? stack : null);
    }

    /// <summary>
    /// A file as an attachment: pictures inline (base64), page source and the environment's case as text, anything else
    /// (a trace, a file too big or gone) as a link relative to the report.
    /// </summary>
    public static Attachment AttachmentOf(string file, string outDir, string testCaseStartedId, string testStepId)
    {
        var name = Path.GetFileName(file);
        var extension = Path.GetExtension(file).ToLowerInvariant();
        var exists = File.Exists(file);
        var size = exists ? new FileInfo(file).Length : 0;
        var (mediaType, binary) = extension switch
        {
            ".png" => ("image/png", true),
            ".jpg" or ".jpeg" => ("image/jpeg", true),
            ".html" or ".htm" => ("text/html", false),
            ".xml" => ("application/xml", false),
            ".json" => ("application/json", false),
            ".txt" or ".log" => ("text/plain", false),
            _ => ((string?)null, false),
        };
        if (mediaType is null || !exists || size > MaxInlineBytes)
        {
            var link = Path.GetRelativePath(Path.GetFullPath(outDir), Path.GetFullPath(file)).Replace(Path.DirectorySeparatorChar, '/');
            return new Attachment(link, AttachmentContentEncoding.IDENTITY, name, "text/uri-list", null, testCaseStartedId, testStepId, null, null, null, null);
        }

        return binary
            ? new Attachment(Convert.ToBase64String(File.ReadAllBytes(file)), AttachmentContentEncoding.BASE64, name, mediaType, null, testCaseStartedId, testStepId, null, null, null, null)
            : new Attachment(File.ReadAllText(file), AttachmentContentEncoding.IDENTITY, name, mediaType, null, testCaseStartedId, testStepId, null, null, null, null);
    }

    private static Meta Meta() => new(
        global::Cucumber.Messages.ProtocolVersion.Version.Split('+')[0],
        new Product("KycE2E (SpecFlow 3.9.74 results)", null),
        new Product(".NET", System.Environment.Version.ToString()),
        new Product(RuntimeInformation.OSDescription, null),
        new Product(RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(), null),
        null);

    private static void Add(Dictionary<string, List<ScenarioRecord>> byPickle, string pickleId, ScenarioRecord record)
    {
        if (!byPickle.TryGetValue(pickleId, out var list))
        {
            byPickle[pickleId] = list = [];
        }

        list.Add(record);
    }

    /// <summary>Each pickle under "feature name · title with the example row · platform" (platform from @web/@mobile, "" when neither).</summary>
    private static Dictionary<string, Place> Places(IEnumerable<ParsedFeature> features)
    {
        var places = new Dictionary<string, Place>(StringComparer.Ordinal);
        foreach (var feature in features.Where(f => f.Document?.Feature is not null))
        {
            var scenarios = Scenarios(feature.Document!.Feature).ToDictionary(s => s.Id, StringComparer.Ordinal);
            var rows = scenarios.Values.SelectMany(s => s.Examples).SelectMany(e => e.TableBody).ToDictionary(r => r.Id, StringComparer.Ordinal);
            foreach (var pickle in feature.Pickles)
            {
                var name = scenarios.TryGetValue(pickle.AstNodeIds[0], out var scenario) ? scenario.Name : pickle.Name;
                var values = pickle.AstNodeIds.Count > 1 && rows.TryGetValue(pickle.AstNodeIds[^1], out var row) ? row.Cells.Select(c => c.Value) : [];
                places.TryAdd(Key(feature.Document.Feature.Name, TitleOf(name, values), PlatformOf(pickle.Tags.Select(t => t.Name))), new Place(feature, pickle));
            }
        }

        return places;
    }

    private static IEnumerable<Scenario> Scenarios(Feature feature) =>
        feature.Children.SelectMany(c => c.Scenario is { } s ? [s] : c.Rule is { } rule ? rule.Children.Select(rc => rc.Scenario).OfType<Scenario>() : []);

    private static Place? Match(Dictionary<string, Place> places, ScenarioRecord record)
    {
        var found = places.TryGetValue(Key(record.Feature, record.Scenario, record.Platform), out var place)
            || places.TryGetValue(Key(record.Feature, record.Scenario, ""), out place);
        // The recorded steps must be the pickle's, in order (a failed scenario records up to its failed step); an unmatched
        // record's feature has them on one line each.
        return found && record.Steps.Count <= place!.Pickle.Steps.Count
            && record.Steps.Select((s, i) => OneLine(s.Text) == OneLine(place.Pickle.Steps[i].Text)).All(same => same)
            ? place
            : null;
    }

    private static string Key(string feature, string title, string platform) => $"{feature}\u001f{title}\u001f{platform}";

    private static string PlatformOf(IEnumerable<string> tags)
    {
        var set = tags.Select(t => t.TrimStart('@')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (set.Contains("web"), set.Contains("mobile")) switch
        {
            (true, false) => "web",
            (false, true) => "mobile",
            _ => "",
        };
    }

    /// <summary>One feature per feature name of the unmatched records, written from the records and parsed like the others.</summary>
    private static List<ParsedFeature> Unmatched(IReadOnlyList<ScenarioRecord> records, IncrementingIdGenerator ids) =>
        [.. records
            .GroupBy(r => r.Feature, StringComparer.Ordinal)
            .Select(g => FeatureFiles.Parse($"unmatched/{Slug(g.Key)}.feature", UnmatchedText(g.Key, g), ids))];

    internal static string UnmatchedText(string feature, IEnumerable<ScenarioRecord> records)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{UnmatchedTag}\nFeature: {OneLine(feature)}");
        text.AppendLine("  Results of scenarios that are not in features/ as they were run (renamed, edited or removed since).");
        foreach (var record in records.GroupBy(r => (r.Scenario, r.Platform)).Select(g => g.OrderByDescending(r => r.Steps.Count).First()))
        {
            var tags = record.Tags.Select(t => "@" + TagOf(t)).Append("@" + TagOf(record.Platform)).Distinct(StringComparer.Ordinal);
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"  {string.Join(' ', tags)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  Scenario: {OneLine(record.Scenario)}");
            foreach (var step in record.Steps)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {KeywordOf(step.Keyword)} {OneLine(step.Text)}");
            }
        }

        return text.ToString();
    }

    private static string KeywordOf(string stepType) => stepType switch
    {
        "Given" => "Given",
        "When" => "When",
        "Then" => "Then",
        _ => "*",
    };

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim() is { Length: > 0 } line ? line : "(no name)";

    private static string TagOf(string tag) => new([.. tag.TrimStart('@').Select(c => char.IsWhiteSpace(c) || c == '@' || c == '#' ? '-' : c)]);

    private static string Slug(string text)
    {
        var slug = new string([.. text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')]);
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return slug.Trim('-') is { Length: > 0 } s ? s : "feature";
    }
}

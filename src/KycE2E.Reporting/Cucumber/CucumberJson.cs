using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Io.Cucumber.Messages.Types;

namespace KycE2E.Reporting.Cucumber;

/// <summary>
/// The legacy Cucumber JSON (features → elements → steps) that Jira Xray and Zephyr Scale import, written from the
/// run's messages as Cucumber's JSON formatter does: the last attempt of each test case only (an attempt that was
/// retried is left out), durations in nanoseconds, attachments as base64 <c>embeddings</c>, the evidence hook as a
/// hidden <c>After</c> step.
/// </summary>
public static class CucumberJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonArray From(IReadOnlyList<Envelope> envelopes)
    {
        var documents = envelopes.Select(e => e.GherkinDocument).OfType<GherkinDocument>().ToList();
        var pickles = envelopes.Select(e => e.Pickle).OfType<Pickle>().ToDictionary(p => p.Id, StringComparer.Ordinal);
        var testCases = envelopes.Select(e => e.TestCase).OfType<TestCase>().ToDictionary(t => t.Id, StringComparer.Ordinal);
        var hooks = envelopes.Select(e => e.Hook).OfType<Hook>().ToDictionary(h => h.Id, StringComparer.Ordinal);
        var retried = envelopes.Select(e => e.TestCaseFinished).OfType<TestCaseFinished>().Where(f => f.WillBeRetried).Select(f => f.TestCaseStartedId).ToHashSet(StringComparer.Ordinal);
        var finals = envelopes.Select(e => e.TestCaseStarted).OfType<TestCaseStarted>().Where(s => !retried.Contains(s.Id))
            .GroupBy(s => testCases[s.TestCaseId].PickleId).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Attempt).Last(), StringComparer.Ordinal);
        var results = envelopes.Select(e => e.TestStepFinished).OfType<TestStepFinished>().ToDictionary(f => (f.TestCaseStartedId, f.TestStepId));
        var attachments = envelopes.Select(e => e.Attachment).OfType<Attachment>().ToLookup(a => (a.TestCaseStartedId, a.TestStepId));

        var features = new JsonArray();
        foreach (var document in documents.Where(d => d.Feature is not null))
        {
            var feature = document.Feature;
            var featureId = Slug(feature.Name);
            var nodes = Nodes(feature);
            var elements = new JsonArray();
            foreach (var pickle in pickles.Values.Where(p => p.Uri == document.Uri && finals.ContainsKey(p.Id)))
            {
                var started = finals[pickle.Id];
                var testCase = testCases[started.TestCaseId];
                var scenario = (Scenario)nodes[pickle.AstNodeIds[0]];
                var steps = new JsonArray();
                foreach (var testStep in testCase.TestSteps)
                {
                    var result = results.TryGetValue((started.Id, testStep.Id), out var finished) ? finished.TestStepResult : null;
                    var embeddings = new JsonArray([.. attachments[(started.Id, testStep.Id)].Select(Embedding)]);
                    JsonObject step;
                    if (testStep.PickleStepId is { } pickleStepId)
                    {
                        var pickleStep = pickle.Steps.First(s => s.Id == pickleStepId);
                        var astStep = (Step)nodes[pickleStep.AstNodeIds[0]];
                        step = new JsonObject
                        {
                            ["arguments"] = new JsonArray(),
                            ["keyword"] = astStep.Keyword,
                            ["line"] = astStep.Location.Line,
                            ["name"] = pickleStep.Text,
                            ["match"] = new JsonObject { ["location"] = $"{document.Uri}:{astStep.Location.Line}" },
                        };
                    }
                    else
                    {
                        step = new JsonObject
                        {
                            ["keyword"] = hooks.TryGetValue(testStep.HookId ?? "", out var hook) && hook.Type == HookType.BEFORE_TEST_CASE ? "Before" : "After",
                            ["hidden"] = true,
                            ["match"] = new JsonObject { ["location"] = hook?.SourceReference?.Uri ?? "" },
                        };
                    }

                    step["result"] = Result(result);
                    if (embeddings.Count > 0)
                    {
                        step["embeddings"] = embeddings;
                    }

                    steps.Add(step);
                }

                // An example row is named as the console and JUnit name it, "title (its values)", so that web and mobile
                // are two tests in Jira; its id is cucumber-ruby's "feature;scenario;examples;row" (the header is row 1).
                var row = pickle.AstNodeIds.Count > 1 && nodes.TryGetValue(pickle.AstNodeIds[^1], out var node) ? (TableRow)node : null;
                var examples = row is null ? null : scenario.Examples.First(e => e.TableBody.Contains(row));
                elements.Add(new JsonObject
                {
                    ["description"] = scenario.Description ?? "",
                    ["id"] = row is null
                        ? $"{featureId};{Slug(scenario.Name)}"
                        : $"{featureId};{Slug(scenario.Name)};{Slug(examples!.Name)};{examples.TableBody.IndexOf(row) + 2}",
                    ["keyword"] = scenario.Keyword,
                    ["line"] = row?.Location.Line ?? scenario.Location.Line,
                    ["name"] = row is null ? pickle.Name : CucumberMessages.TitleOf(scenario.Name, row.Cells.Select(c => c.Value)),
                    ["steps"] = steps,
                    ["tags"] = new JsonArray([.. pickle.Tags.Select(t => Tag(t.Name, nodes.TryGetValue(t.AstNodeId, out var tag) ? ((Tag)tag).Location.Line : scenario.Location.Line))]),
                    ["type"] = "scenario",
                });
            }

            if (elements.Count == 0)
            {
                continue;
            }

            features.Add(new JsonObject
            {
                ["description"] = feature.Description ?? "",
                ["elements"] = elements,
                ["id"] = featureId,
                ["keyword"] = feature.Keyword,
                ["line"] = feature.Location.Line,
                ["name"] = feature.Name,
                ["tags"] = new JsonArray([.. feature.Tags.Select(t => Tag(t.Name, t.Location.Line))]),
                ["uri"] = document.Uri,
            });
        }

        return features;
    }

    public static string Text(IReadOnlyList<Envelope> envelopes) => From(envelopes).ToJsonString(Options);

    private static JsonObject Result(TestStepResult? result)
    {
        if (result is null)
        {
            return new JsonObject { ["status"] = "skipped" };
        }

        var json = new JsonObject
        {
            ["status"] = result.Status switch
            {
                TestStepResultStatus.PASSED => "passed",
                TestStepResultStatus.FAILED => "failed",
                TestStepResultStatus.SKIPPED => "skipped",
                TestStepResultStatus.PENDING => "pending",
                TestStepResultStatus.AMBIGUOUS => "ambiguous",
                _ => "undefined",
            },
            ["duration"] = (result.Duration.Seconds * 1_000_000_000L) + result.Duration.Nanos,
        };
        if (result.Message is { Length: > 0 } message)
        {
            json["error_message"] = message;
        }

        return json;
    }

    private static JsonObject Embedding(Attachment attachment)
    {
        var embedding = new JsonObject
        {
            ["data"] = attachment.ContentEncoding == AttachmentContentEncoding.BASE64 ? attachment.Body : Convert.ToBase64String(Encoding.UTF8.GetBytes(attachment.Body)),
            ["mime_type"] = attachment.MediaType,
        };
        if (attachment.FileName is { } name)
        {
            embedding["name"] = name;
        }

        return embedding;
    }

    private static JsonObject Tag(string name, long line) => new() { ["name"] = name, ["line"] = line };

    /// <summary>Every scenario, step, row and tag of the document by its id.</summary>
    private static Dictionary<string, object> Nodes(Feature feature)
    {
        var nodes = new Dictionary<string, object>(StringComparer.Ordinal);
        void AddSteps(IEnumerable<Step> steps)
        {
            foreach (var step in steps)
            {
                nodes[step.Id] = step;
            }
        }

        void AddScenario(Scenario scenario)
        {
            nodes[scenario.Id] = scenario;
            AddSteps(scenario.Steps);
            foreach (var tag in scenario.Tags.Concat(scenario.Examples.SelectMany(e => e.Tags)))
            {
                nodes[tag.Id] = tag;
            }

            foreach (var row in scenario.Examples.SelectMany(e => e.TableBody))
            {
                nodes[row.Id] = row;
            }
        }

        foreach (var tag in feature.Tags)
        {
            nodes[tag.Id] = tag;
        }

        // A feature's children and a rule's children are each a background or a scenario.
        void AddChild(Background? background, Scenario? scenario)
        {
            AddSteps(background?.Steps ?? []);
            if (scenario is not null)
            {
                AddScenario(scenario);
            }
        }

        foreach (var child in feature.Children)
        {
            AddChild(child.Background, child.Scenario);
            if (child.Rule is { } rule)
            {
                foreach (var tag in rule.Tags)
                {
                    nodes[tag.Id] = tag;
                }

                foreach (var ruleChild in rule.Children)
                {
                    AddChild(ruleChild.Background, ruleChild.Scenario);
                }
            }
        }

        return nodes;
    }

    /// <summary>Cucumber's id: lower case, whitespace as '-'.</summary>
    private static string Slug(string name) => string.Join('-', name.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

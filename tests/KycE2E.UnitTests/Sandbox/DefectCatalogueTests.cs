using Microsoft.Extensions.Configuration;
using System.Text.RegularExpressions;
using KycE2E.Sandbox.Defects;

namespace KycE2E.UnitTests.Sandbox;

/// <summary>The sandbox's defect list, the catalogue people read (in its order) and the list ./e2e defects runs name the same defects, each with a class.</summary>
public sealed partial class DefectCatalogueTests
{
    private static readonly string Docs = Path.Combine(KycE2E.Automation.Processes.RepositoryLayout.Root, "docs");

    private static readonly string[] Classes = ["flow", "detection", "rule", "value", "absence", "boundary", "produced", "message", "text", "both clients", "contract", "flaky"];

    [Test]
    public void The_catalogue_the_runner_and_the_sandbox_name_the_same_defects()
    {
        var rows = CatalogueRows().Select(r => r.Name).ToList();
        var runner = File.ReadAllLines(Path.Combine(Docs, "defects.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .ToList();

        rows.Should().Equal(SandboxDefects.Known);
        runner.Select(r => r[0]).Should().BeEquivalentTo(SandboxDefects.Known).And.OnlyHaveUniqueItems();
        runner.Should().OnlyContain(r => r.Length == 2 && r[1].Length > 0, "every defect is run with a filter of the scenarios expected to catch it");
    }

    [TestCase(null, true)]
    [TestCase("1", true)]
    [TestCase("2", false)]
    [TestCase("3", false)]
    public void A_first_attempt_only_defect_is_there_on_the_runs_first_pass_only(string? attempt, bool active)
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SandboxDefects.ConfigurationKey] = "web-retry-button-late-on-first-attempt,web-retry-button-missing",
            [SandboxDefects.AttemptKey] = attempt,
        }).Build();

        var defects = SandboxDefects.From(configuration, out var error)!;

        error.Should().BeNull();
        defects.Has("web-retry-button-late-on-first-attempt").Should().Be(active);
        defects.Has("web-retry-button-missing").Should().BeTrue("only the defects marked first-attempt-only leave on a retry pass");
        SandboxDefects.FirstAttemptOnly.Should().Equal("web-retry-button-late-on-first-attempt");
    }

    [Test]
    public void Every_catalogued_defect_has_a_known_class()
    {
        CatalogueRows().Should().OnlyContain(r => Classes.Contains(r.Class));
    }

    private static IEnumerable<(string Name, string Class)> CatalogueRows() =>
        File.ReadAllLines(Path.Combine(Docs, "defects.md"))
            .Select(l => Row().Match(l))
            .Where(m => m.Success)
            .Select(m => (m.Groups["name"].Value, m.Groups["class"].Value));

    [GeneratedRegex(@"^\| `(?<name>[a-z0-9-]+)` \| (?<class>[a-z ]+) \|")]
    private static partial Regex Row();
}

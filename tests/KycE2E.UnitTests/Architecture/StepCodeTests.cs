using ArchUnitNET.NUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace KycE2E.UnitTests.Architecture;

/// <summary>Steps and their support say what the user does; how a browser or a phone does it stays in Automation.</summary>
public sealed class StepCodeTests
{
    private static readonly string[] StepNamespaces = ["KycE2E.Specs.StepDefinitions", "KycE2E.Specs.Support"];

    [TestCase("Microsoft.Playwright")]
    [TestCase("OpenQA.Selenium")]
    public void No_step_or_support_class_uses_an_engine_type(string engine) =>
        Types().That().ResideInNamespaceMatching($"^({string.Join('|', StepNamespaces.Select(System.Text.RegularExpressions.Regex.Escape))})$")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching($@"^{System.Text.RegularExpressions.Regex.Escape(engine)}(\..+)?$"))
            .Because("a step calls a journey; locators, pages and drivers belong to src/KycE2E.Automation")
            .Check(Loaded.Architecture);

    [Test]
    public void A_step_class_uses_journeys_and_support_never_another_step_class()
    {
        var steps = Loaded.Architecture.Types
            .Where(t => t.Namespace.FullName == StepNamespaces[0] && !t.FullName.Contains('+', StringComparison.Ordinal) && !t.FullName.Contains('/', StringComparison.Ordinal) && !t.FullName.Contains('<', StringComparison.Ordinal))
            .Where(t => t.Name.Contains("Steps", StringComparison.Ordinal)) // the binding classes; ReasonList and the like are their vocabulary
            .Select(t => t.FullName).ToList();
        steps.Should().HaveCountGreaterThan(5);
        foreach (var step in steps)
        {
            var others = string.Join('|', steps.Where(o => o != step).Select(System.Text.RegularExpressions.Regex.Escape));
            Types().That().HaveFullNameMatching($"^{System.Text.RegularExpressions.Regex.Escape(step)}([+/].*)?$")
                .Should().NotDependOnAny(Types().That().HaveFullNameMatching($"^({others})([+/].*)?$"))
                .Because("a step calls a journey (or RetryActions, which calls journeys), never another step")
                .Check(Loaded.Architecture);
        }
    }

    [Test]
    public void The_step_classes_and_the_engines_are_loaded() =>
        Loaded.Architecture.Types.Select(t => t.Namespace.FullName).Distinct()
            .Should().Contain([.. StepNamespaces, "Microsoft.Playwright", "OpenQA.Selenium"], "a rule over no classes, or against none, would pass whatever they used");
}

using ArchUnitNET.NUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace KycE2E.UnitTests.Architecture;

/// <summary>The results, the flaky rule and the writers stand alone: the runner and any report tool use them without a browser, a driver or an image library.</summary>
public sealed class ReportingTests
{
    private static readonly string[] Forbidden = ["Microsoft.Playwright", "OpenQA.Selenium", "SkiaSharp", "KycE2E.Automation", "KycE2E.Documents", "KycE2E.Sandbox"];

    [TestCase("KycE2E.Reporting")]
    [TestCase("KycE2E.Runner")]
    public void Uses_no_engine_image_library_or_automation(string library)
    {
        var forbidden = string.Join('|', Forbidden.Select(System.Text.RegularExpressions.Regex.Escape));
        Types().That().ResideInNamespaceMatching($@"^{System.Text.RegularExpressions.Regex.Escape(library)}(\..+)?$")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching($@"^({forbidden})(\..+)?$"))
            .Because($"{library} reads and writes results; starting browsers and phones is the suite's business")
            .Check(Loaded.Architecture);
    }

    [Test]
    public void The_libraries_and_what_they_must_not_use_are_loaded() =>
        Loaded.Architecture.Types.Select(t => t.Namespace.FullName.Split('.')[0] == "KycE2E" ? string.Join('.', t.Namespace.FullName.Split('.').Take(2)) : t.Namespace.FullName)
            .Distinct()
            .Should().Contain(["KycE2E.Reporting", "KycE2E.Runner", "KycE2E.Automation", "Microsoft.Playwright", "OpenQA.Selenium", "SkiaSharp"], "a rule over no classes, or against none, would pass whatever they used");
}

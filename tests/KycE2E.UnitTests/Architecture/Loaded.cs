using ArchUnitNET.Loader;
using KycE2E.Automation.Processes;

namespace KycE2E.UnitTests.Architecture;

/// <summary>
/// The suite's assemblies and the engines' read once for every architecture rule (reading them is most of the rules'
/// time). The engines are loaded too: a rule sees only the types of what was loaded, so a rule against them needs them.
/// </summary>
internal static class Loaded
{
    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Suite = new(() => new ArchLoader()
        .LoadAssemblies(
            typeof(ChildProcess).Assembly,
            typeof(KycE2E.Sandbox.Views.VerificationView).Assembly,
            typeof(KycE2E.Reporting.FlakyPolicy).Assembly,
            typeof(KycE2E.Runner.TagFilter).Assembly,
            typeof(Microsoft.Playwright.IPage).Assembly,
            typeof(OpenQA.Selenium.IWebDriver).Assembly,
            typeof(SkiaSharp.SKBitmap).Assembly)
        .LoadFilteredDirectory(Path.GetDirectoryName(SpecsAssemblyPath())!, "KycE2E.Specs.dll")
        .Build());

    public static ArchUnitNET.Domain.Architecture Architecture => Suite.Value;

    /// <summary>
    /// The Specs build beside this one (same configuration): the project reference builds it first without making it a
    /// dependency of this assembly, whose output would otherwise take the suite's settings files.
    /// </summary>
    private static string SpecsAssemblyPath()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
        var path = RepositoryLayout.Path("tests", "KycE2E.Specs", "bin", configuration, "net10.0", "KycE2E.Specs.dll");
        File.Exists(path).Should().BeTrue($"KycE2E.Specs is built with this project ({path})");
        return path;
    }
}

using ArchUnitNET.NUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace KycE2E.UnitTests.Architecture;

/// <summary>Each folder of Automation and of the sandbox uses only the folders below it (Layers lists them, lowest first).</summary>
public sealed class LayerRuleTests
{
    private static IEnumerable<TestCaseData> AutomationRules() =>
        Layers.Rules(Layers.Automation).Select(r => new TestCaseData(Layers.AutomationRoot, r.Folder, r.Forbidden).SetArgDisplayNames(r.Folder));

    private static IEnumerable<TestCaseData> SandboxRules() =>
        Layers.Rules(Layers.Sandbox).Select(r => new TestCaseData(Layers.SandboxRoot, r.Folder, r.Forbidden).SetArgDisplayNames(r.Folder));

    [TestCaseSource(nameof(AutomationRules))]
    public void An_Automation_folder_uses_only_the_folders_below_it(string root, string folder, string[] forbidden) =>
        CheckLayer(root, folder, forbidden);

    [TestCaseSource(nameof(SandboxRules))]
    public void A_sandbox_folder_uses_only_the_folders_below_it(string root, string folder, string[] forbidden) =>
        CheckLayer(root, folder, forbidden);

    [Test]
    public void Web_and_Mobile_do_not_use_each_other()
    {
        Types().That().ResideInNamespaceMatching(Layers.Pattern(Layers.AutomationRoot, "Web"))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(Layers.Pattern(Layers.AutomationRoot, "Mobile")))
            .Check(Loaded.Architecture);
        Types().That().ResideInNamespaceMatching(Layers.Pattern(Layers.AutomationRoot, "Mobile"))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(Layers.Pattern(Layers.AutomationRoot, "Web")))
            .Check(Loaded.Architecture);
    }

    [Test]
    public void Every_folder_of_Automation_has_its_place_in_the_layers() =>
        FoldersOf(Layers.AutomationRoot)
            .Should().BeSubsetOf(Layers.Automation.SelectMany(l => l).Select(f => Layers.AutomationRoot + "." + f), "a new folder is placed in Layers.Automation first");

    [Test]
    public void Every_folder_of_the_sandbox_has_its_place_in_the_layers() =>
        FoldersOf(Layers.SandboxRoot)
            .Should().BeSubsetOf(Layers.Sandbox.SelectMany(l => l).Select(f => Layers.SandboxRoot + "." + f), "a new folder is placed in Layers.Sandbox first");

    [Test]
    public void Every_layer_holds_code()
    {
        var folders = FoldersOf(Layers.AutomationRoot).Concat(FoldersOf(Layers.SandboxRoot)).ToHashSet(StringComparer.Ordinal);
        var listed = Layers.Automation.SelectMany(l => l).Select(f => Layers.AutomationRoot + "." + f)
            .Concat(Layers.Sandbox.SelectMany(l => l).Select(f => Layers.SandboxRoot + "." + f));
        listed.Should().OnlyContain(f => folders.Contains(f), "a layer that names no code checks nothing");
    }

    private static void CheckLayer(string root, string folder, string[] forbidden)
    {
        var above = string.Join("|", forbidden.Select(f => Layers.Pattern(root, f)[1..^1]));
        Types().That().ResideInNamespaceMatching(Layers.Pattern(root, folder))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching($"^(?:{above})$"))
            .Because($"{root}.{folder} may use only the folders below it: {string.Join(", ", forbidden)} are above it or beside it")
            .Check(Loaded.Architecture);
    }

    /// <summary>The top-level folders of one assembly's code, e.g. KycE2E.Sandbox.Pages for KycE2E.Sandbox.Pages.Account.</summary>
    private static IEnumerable<string> FoldersOf(string root) =>
        Loaded.Architecture.Types
            .Select(t => t.Namespace.FullName)
            .Where(n => n.StartsWith(root + ".", StringComparison.Ordinal))
            .Select(n => string.Join('.', n.Split('.').Take(root.Split('.').Length + 1)))
            .Distinct(StringComparer.Ordinal);
}

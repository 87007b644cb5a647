using System.Text.RegularExpressions;
using KycE2E.Automation.Processes;

namespace KycE2E.UnitTests.Architecture;

/// <summary>The picture in docs/architecture shows the folders the layer rules check, in their order, and nothing else.</summary>
public sealed partial class DiagramTests
{
    private static readonly string Dot = File.ReadAllText(RepositoryLayout.Path("docs", "architecture", "architecture.dot"));

    [TestCase("Automation")]
    [TestCase("Sandbox")]
    public void The_picture_draws_each_layer_folder_once_top_to_bottom(string project)
    {
        var layers = project == "Automation" ? Layers.Automation : Layers.Sandbox;
        var declared = Node().Matches(Dot).Select(m => m.Groups["name"].Value).Where(n => n.StartsWith(project + ".", StringComparison.Ordinal)).ToList();
        declared.Select(n => n[(project.Length + 1)..]).Should().BeEquivalentTo(layers.SelectMany(l => l), "the picture has a box for every folder and none for a folder that is gone");

        // Its chain of arrows runs from the top layer down: each folder's first appearance in an arrow follows the layer above.
        var chain = Arrow().Matches(Dot).SelectMany(m => m.Value.Split("->", StringSplitOptions.TrimEntries))
            .Select(n => n.Trim('"', ' ', '\n', '\r', ';')).Where(n => n.StartsWith(project + ".", StringComparison.Ordinal))
            .Select(n => n[(project.Length + 1)..]).Distinct().ToList();
        var rank = layers.SelectMany((layer, i) => layer.Select(folder => (folder, i))).ToDictionary(x => x.folder, x => x.i);
        chain.Select(f => rank[f]).Should().BeInDescendingOrder("the picture's arrows go from a layer to the ones below it");
    }

    [GeneratedRegex(@"^\s*""(?<name>(Automation|Sandbox)\.[A-Za-z]+)""\s*\[", RegexOptions.Multiline)]
    private static partial Regex Node();

    [GeneratedRegex(@"""(Automation|Sandbox)\.[A-Za-z]+""(\s*->\s*""(Automation|Sandbox)\.[A-Za-z]+"")+", RegexOptions.Singleline)]
    private static partial Regex Arrow();
}

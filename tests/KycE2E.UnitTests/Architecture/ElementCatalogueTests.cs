using System.Reflection;
using System.Text.RegularExpressions;
using KycE2E.Automation.Elements;
using KycE2E.Automation.Mobile;
using KycE2E.Automation.Processes;

namespace KycE2E.UnitTests.Architecture;

/// <summary>The element maps (PortalPages on the web, AppScreens in the app) find every element through the one catalogue, and use all of it.</summary>
public sealed partial class ElementCatalogueTests
{
    private static readonly string WebMap = File.ReadAllText(RepositoryLayout.Path("src", "KycE2E.Automation", "Web", "PortalPages.cs"));
    private static readonly string AppMap = File.ReadAllText(RepositoryLayout.Path("src", "KycE2E.Automation", "Mobile", "AppScreens.cs"));

    private static IReadOnlyList<FieldInfo> Entries { get; } =
        [.. typeof(ElementCatalogue).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(Element) || f.FieldType == typeof(ElementFamily))];

    [Test]
    public void Every_id_the_web_map_uses_comes_from_the_catalogue()
    {
        // One way to a test id (the WebFinder's, after the locator map); every page asks the finder for a catalogue entry.
        WebLookup().Matches(WebMap).Select(m => m.Groups["argument"].Value).Should().Equal("element.WebTestId");
        var lookups = FinderLookup().Matches(WebMap).Select(m => m.Groups["argument"].Value).ToList();
        lookups.Should().HaveCountGreaterThan(20);
        lookups.Should().OnlyContain(a => a.StartsWith("ElementCatalogue.", StringComparison.Ordinal), "a test id written into the web map bypasses the catalogue");
        QuotedIds(WebMap).Should().BeEmpty("the web map holds no id or selector of its own");
    }

    [Test]
    public void Every_id_the_app_map_uses_comes_from_the_catalogue()
    {
        var appIds = CatalogueAppIds();
        var used = AppElements().Select(e => e.TestId).ToList();
        used.Should().NotBeEmpty();
        used.Should().OnlyContain(id => appIds.Contains(id), "an app element's id comes from the catalogue");
        // From the screens on: AppLocators above them turns an id into a By (a data-testid selector or an accessibility id).
        QuotedIds(AppMap[AppMap.IndexOf("public static class AppScreens", StringComparison.Ordinal)..]).Should().BeEmpty("the app map holds no id of its own");
    }

    [Test]
    public void The_catalogue_has_no_unused_entry()
    {
        foreach (var entry in Entries)
        {
            var (web, app) = entry.GetValue(null) switch
            {
                Element e => (e.Web, e.App),
                ElementFamily f => (f.Web, f.App),
                _ => throw new InvalidOperationException(entry.Name),
            };
            var reference = new Regex($@"\bElementCatalogue\.{entry.Name}\b");
            reference.IsMatch(WebMap).Should().Be(web is not null, $"{entry.Name} has {(web is null ? "no" : "a")} web way, so the web map {(web is null ? "does not use" : "uses")} it");
            reference.IsMatch(AppMap).Should().Be(app is not null, $"{entry.Name} has {(app is null ? "no" : "an")} app way, so the app map {(app is null ? "does not use" : "uses")} it");
        }
    }

    [Test]
    public void Every_entry_has_a_name_and_a_way_to_be_found_and_no_two_share_a_name()
    {
        var names = Entries.Select(f => f.GetValue(null) switch { Element e => e.Name, ElementFamily x => x.Name, _ => "" }).ToList();
        names.Should().OnlyHaveUniqueItems().And.NotContain(string.Empty);
        Entries.Select(f => f.GetValue(null)).Should().OnlyContain(v =>
            (v is Element && (((Element)v).Web != null || ((Element)v).App != null)) || (v is ElementFamily && (((ElementFamily)v).Web != null || ((ElementFamily)v).App != null)));
    }

    /// <summary>Every AppElement the app map gives out: its fields, and its families for a sample field name.</summary>
    private static IEnumerable<AppElement> AppElements()
    {
        foreach (var screen in typeof(AppScreens).GetNestedTypes())
        {
            foreach (var field in screen.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(AppElement)))
            {
                yield return (AppElement)field.GetValue(null)!;
            }

            foreach (var family in screen.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(AppElement)))
            {
                yield return (AppElement)family.Invoke(null, ["fullName"])!;
            }
        }
    }

    private static HashSet<string> CatalogueAppIds() =>
        [.. Entries.Select(f => f.GetValue(null) switch
        {
            Element e => e.App,
            ElementFamily x => x.For("fullName").App,
            _ => null,
        }).OfType<string>()];

    /// <summary>String literals in a map that name a test id or a selector (ids are lower-case words joined by hyphens).</summary>
    private static List<string> QuotedIds(string source) =>
        [.. Literal().Matches(source).Select(m => m.Groups["text"].Value).Where(t => IdLike().IsMatch(t) || t.Contains('[', StringComparison.Ordinal))];

    [GeneratedRegex(@"GetByTestId\((?<argument>[^)]*)\)")]
    private static partial Regex WebLookup();

    [GeneratedRegex(@"find\.Find\((?<argument>[^)]*\)?)\)")]
    private static partial Regex FinderLookup();

    [GeneratedRegex(@"\$?""(?<text>[^""]*)""")]
    private static partial Regex Literal();

    [GeneratedRegex(@"^[a-z]+(-[a-z{}]+)+-?$")]
    private static partial Regex IdLike();
}

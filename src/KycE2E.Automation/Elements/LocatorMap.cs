using System.Reflection;
using System.Text.Json;
using AngleSharp.Css.Parser;
using KycE2E.Automation.Configuration;

namespace KycE2E.Automation.Elements;

/// <summary>
/// An environment's own way to find some catalogued elements: catalogue name → CSS selector, per client ("web", "app").
/// Everything not in the map is found by the catalogue's test id. A family ("field") maps with "{}" standing for the
/// member ("[data-qa='kyc-{}']"); one member ("field(idNumber)") may be mapped on its own and wins over its family.
/// Read once when the run starts (Environment:LocatorMap); an unknown name or a selector that is not valid CSS stops the run.
/// </summary>
public sealed class LocatorMap
{
    public static readonly IReadOnlyList<string> Clients = ["web", "app"];

    public static readonly LocatorMap None = new("", new Dictionary<string, IReadOnlyDictionary<string, string>>());

    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _byClient;

    private LocatorMap(string source, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> byClient)
    {
        Source = source;
        _byClient = byClient;
    }

    /// <summary>The file the map came from ("" for none).</summary>
    public string Source { get; }

    /// <summary>How many elements the map finds its own way, over both clients.</summary>
    public int Count => _byClient.Values.Sum(m => m.Count);

    /// <summary>The web selector the map gives this element, or null to find it by its test id.</summary>
    public string? Web(Element element) => Lookup("web", element);

    /// <summary>The app selector the map gives this element, or null to find it by its test id.</summary>
    public string? App(Element element) => Lookup("app", element);

    /// <summary>The app selector for a catalogue name ("retry", "field(idNumber)"), or null.</summary>
    public string? App(string name) => Lookup("app", name);

    /// <summary>The web selector for a catalogue name, or null.</summary>
    public string? Web(string name) => Lookup("web", name);

    private string? Lookup(string client, Element element) => Lookup(client, element.Name);

    private string? Lookup(string client, string name)
    {
        if (!_byClient.TryGetValue(client, out var map))
        {
            return null;
        }

        if (map.TryGetValue(name, out var selector))
        {
            return selector;
        }

        return Member(name) is var (family, member) && map.TryGetValue(family, out var pattern)
            ? pattern.Replace("{}", member, StringComparison.Ordinal)
            : null;
    }

    /// <summary>"field(idNumber)" → ("field", "idNumber"); null for a name that is not a family member.</summary>
    private static (string Family, string Member)? Member(string name)
    {
        var open = name.IndexOf('(', StringComparison.Ordinal);
        return open > 0 && name.EndsWith(')') ? (name[..open], name[(open + 1)..^1]) : null;
    }

    /// <summary>The map in the file at <paramref name="path"/>; "" is no map. Any fault is a SuiteConfigurationException naming the file and the entry.</summary>
    public static LocatorMap Load(string path, bool appSelectorsAreCss = true)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return None;
        }

        if (!File.Exists(path))
        {
            throw new SuiteConfigurationException($"Environment:LocatorMap: no file {path}.");
        }

        return Parse(File.ReadAllText(path), path, appSelectorsAreCss);
    }

    public static LocatorMap Parse(string json, string source, bool appSelectorsAreCss = true)
    {
        Dictionary<string, Dictionary<string, string>>? raw;
        try
        {
            raw = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(json);
        }
        catch (JsonException e)
        {
            throw new SuiteConfigurationException($"Environment:LocatorMap {source} is not a map of {{\"web\": {{name: selector}}, \"app\": {{…}}}}: {e.Message}", e);
        }

        var byClient = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (client, entries) in raw ?? [])
        {
            if (!Clients.Contains(client))
            {
                throw new SuiteConfigurationException($"Environment:LocatorMap {source}: \"{client}\" is not a client: use \"web\" or \"app\".");
            }

            foreach (var (name, selector) in entries)
            {
                Check(source, client, name, selector, client == "web" || appSelectorsAreCss);
            }

            byClient[client] = new Dictionary<string, string>(entries, StringComparer.Ordinal);
        }

        return new LocatorMap(source, byClient);
    }

    private static void Check(string source, string client, string name, string selector, bool css)
    {
        var family = Member(name)?.Family;
        var known = Names.Elements.Contains(name) || Names.Families.Contains(name) || (family is not null && Names.Families.Contains(family));
        if (!known)
        {
            var near = Names.All.OrderBy(n => Distance(n, family ?? name)).First();
            throw new SuiteConfigurationException($"Environment:LocatorMap {source}: \"{name}\" is not a catalogued element (did you mean \"{near}\"? the names are in docs/environment-contract.md, section 4).");
        }

        if (string.IsNullOrWhiteSpace(selector))
        {
            throw new SuiteConfigurationException($"Environment:LocatorMap {source}: {client} \"{name}\" has an empty selector.");
        }

        if (Names.Families.Contains(name) && !selector.Contains("{}", StringComparison.Ordinal))
        {
            throw new SuiteConfigurationException($"Environment:LocatorMap {source}: {client} \"{name}\" is a family of elements, one per field: its selector needs {{}} where the field's name goes.");
        }

        if (css && !IsCss(selector.Replace("{}", "x", StringComparison.Ordinal)))
        {
            throw new SuiteConfigurationException($"Environment:LocatorMap {source}: {client} \"{name}\" selector {selector} is not a valid CSS selector.");
        }
    }

    private static readonly CssSelectorParser SelectorParser = new();

    /// <summary>Whether the text parses as a CSS selector (list).</summary>
    public static bool IsCss(string selector) => SelectorParser.ParseSelector(selector) is not null;

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>The catalogue's names: single elements and families.</summary>
    private static class Names
    {
        private static readonly object[] Entries =
            [.. typeof(ElementCatalogue).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.GetValue(null)!)];

        public static readonly HashSet<string> Elements = [.. Entries.OfType<Element>().Select(e => e.Name)];

        public static readonly HashSet<string> Families = [.. Entries.OfType<ElementFamily>().Select(f => f.Name)];

        public static readonly IReadOnlyList<string> All = [.. Elements, .. Families];
    }
}

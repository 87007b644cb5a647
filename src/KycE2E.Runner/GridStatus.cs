using System.Text.Json;

namespace KycE2E.Runner;

/// <summary>One slot of a Grid node: what sessions it takes (its stereotype) and whether a session runs in it.</summary>
public sealed record GridSlot(IReadOnlyDictionary<string, string> Stereotype, bool Busy);

/// <summary>A node as the hub's /status shows it: its address, UP / DOWN / DRAINING, its slots.</summary>
public sealed record GridNode(string Uri, string Availability, int MaxSessions, IReadOnlyList<GridSlot> Slots)
{
    public bool Up => string.Equals(Availability, "UP", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// A Selenium Grid 4 hub's GET /status ({"value": {"ready": …, "nodes": [{"uri", "availability", "slots": [{"stereotype",
/// "session"}]}]}}), and the decision a run takes on it before any scenario starts.
/// </summary>
public sealed record GridStatus(bool Ready, IReadOnlyList<GridNode> Nodes)
{
    /// <summary>The Grid's answer, or null for anything else (an Appium server's /status has no "nodes").</summary>
    public static GridStatus? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object
                || !value.TryGetProperty("nodes", out var nodes) || nodes.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var ready = value.TryGetProperty("ready", out var r) && r.ValueKind == JsonValueKind.True;
            return new GridStatus(ready, [.. nodes.EnumerateArray().Select(Node)]);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Nodes that are UP.</summary>
    public int UpNodes => Nodes.Count(n => n.Up);

    /// <summary>
    /// Why a run cannot go through this answer of <paramref name="url"/>/status, in one line; null when it can: the Grid
    /// is ready and an UP node has a slot whose stereotype takes <paramref name="capabilities"/> (a busy slot only makes
    /// the session wait in the hub's queue). An answer that is not a Grid's (an Appium server) is not judged here.
    /// </summary>
    public static string? Refusal(string url, string? answer, IReadOnlyDictionary<string, string> capabilities)
    {
        url = url.TrimEnd('/');
        if (answer is null)
        {
            return $"mobile: nothing answers at {url}/status within 5 s: start the Grid (./e2e grid up) or the Appium server there, or check --grid / Mobile:AppiumUrl.";
        }

        if (Parse(answer) is not { } grid)
        {
            return null;
        }

        var wanted = Describe(capabilities);
        var matching = grid.Nodes.Where(n => n.Slots.Any(s => Takes(s.Stereotype, capabilities))).ToList();
        if (matching.Count == 0)
        {
            var offered = grid.Nodes.SelectMany(n => n.Slots).Select(s => Describe(s.Stereotype)).Distinct().ToList();
            return $"mobile: the Selenium Grid at {url} has no node for {wanted}; its nodes offer {(offered.Count == 0 ? "nothing (no node registered)" : string.Join(", ", offered))}. Add a relay node with that stereotype (deploy/grid/node.toml).";
        }

        if (!matching.Any(n => n.Up))
        {
            return $"mobile: the Selenium Grid at {url} has no node up for {wanted}: {string.Join(", ", matching.Select(n => $"{n.Uri} is {n.Availability}"))} (./e2e grid status).";
        }

        return grid.Ready ? null : $"mobile: the Selenium Grid at {url} says it is not ready (/status ready: false); see ./e2e grid status.";
    }

    /// <summary>
    /// The hub's own matching, for the capabilities a run asks: every capability the stereotype names must have the asked
    /// value (platformName without regard to case); one it does not name does not stop a match.
    /// </summary>
    public static bool Takes(IReadOnlyDictionary<string, string> stereotype, IReadOnlyDictionary<string, string> capabilities) =>
        capabilities.All(c => !stereotype.TryGetValue(c.Key, out var offered)
            || string.Equals(offered, c.Value, c.Key == "platformName" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));

    private static string Describe(IReadOnlyDictionary<string, string> capabilities) =>
        "{" + string.Join(", ", capabilities.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}")) + "}";

    private static GridNode Node(JsonElement node)
    {
        var slots = node.TryGetProperty("slots", out var s) && s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().Select(slot => new GridSlot(
                slot.TryGetProperty("stereotype", out var st) && st.ValueKind == JsonValueKind.Object
                    ? st.EnumerateObject().Where(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                        .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(), StringComparer.Ordinal)
                    : new Dictionary<string, string>(StringComparer.Ordinal),
                slot.TryGetProperty("session", out var session) && session.ValueKind == JsonValueKind.Object)).ToList()
            : [];
        return new GridNode(
            node.TryGetProperty("uri", out var uri) ? uri.GetString() ?? "" : "",
            node.TryGetProperty("availability", out var a) ? a.GetString() ?? "" : "",
            node.TryGetProperty("maxSessions", out var m) && m.TryGetInt32(out var max) ? max : slots.Count,
            slots);
    }
}

/// <summary>The capabilities the Grid check asks for: the suite's own, from the profile's Mobile settings.</summary>
public static class MobileCapabilities
{
    /// <summary>
    /// The web app in Chromium (Mobile:AutomationName Chromium, the default): browserName chrome, platformName linux,
    /// appium:automationName Chromium; a native build: its platformName and appium:automationName.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Required(string? automationName, string? platformName) =>
        automationName is null or "" || string.Equals(automationName, "Chromium", StringComparison.OrdinalIgnoreCase)
            ? new Dictionary<string, string>(StringComparer.Ordinal) { ["browserName"] = "chrome", ["platformName"] = "linux", ["appium:automationName"] = "Chromium" }
            : new Dictionary<string, string>(StringComparer.Ordinal) { ["platformName"] = platformName ?? "Android", ["appium:automationName"] = automationName };

    /// <summary>A runsettings parameter's value (&lt;Parameter name="Mobile:AutomationName" value="…" /&gt;), or null.</summary>
    public static string? Parameter(string runsettingsFile, string name)
    {
        if (!File.Exists(runsettingsFile))
        {
            return null;
        }

        try
        {
            return System.Xml.Linq.XDocument.Load(runsettingsFile).Descendants("Parameter")
                .FirstOrDefault(p => (string?)p.Attribute("name") == name)?.Attribute("value")?.Value;
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }
}

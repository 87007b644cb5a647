using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace KycE2E.Reporting;

/// <summary>dotnet test filters for re-running failed tests and for splitting a run into shards.</summary>
public static partial class TestFilters
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>FullyQualifiedName=… for every test that failed in these TRX files; empty when none failed.</summary>
    public static string Failed(IEnumerable<string> trxFiles)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in trxFiles.Where(File.Exists))
        {
            var doc = XDocument.Load(file);
            var methods = doc.Descendants(Trx + "UnitTest").ToDictionary(
                t => t.Attribute("id")!.Value,
                t => t.Element(Trx + "TestMethod") is { } m ? $"{m.Attribute("className")!.Value}.{m.Attribute("name")!.Value}" : t.Attribute("name")!.Value);
            foreach (var result in doc.Descendants(Trx + "UnitTestResult").Where(r => r.Attribute("outcome")?.Value == "Failed"))
            {
                if (methods.TryGetValue(result.Attribute("testId")!.Value, out var name))
                {
                    names.Add(name);
                }
            }
        }

        return string.Join('|', names.Select(n => $"FullyQualifiedName={Escape(n)}"));
    }

    /// <summary>
    /// Shard <paramref name="index"/> of <paramref name="count"/>: whole features, assigned by their file's path in a fixed
    /// order, so each shard runs the same features every time and the shards together run every scenario once.
    /// </summary>
    public static string Shard(int index, int count, string featuresDir)
    {
        var classes = Directory.EnumerateFiles(featuresDir, "*.feature.cs", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(featuresDir, f).Replace('\\', '/'), Class: GeneratedClass(f)))
            .Where(f => f.Class is not null)
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        if (classes.Count == 0)
        {
            throw new InvalidOperationException($"No generated feature classes under {featuresDir}: build the specs first.");
        }

        var mine = classes.Where((_, i) => i % count == index - 1).Select(f => $"FullyQualifiedName~{Escape(f.Class! + ".")}").ToList();
        return mine.Count == 0 ? "FullyQualifiedName=no.feature.in.this.shard" : string.Join('|', mine);
    }

    private static string? GeneratedClass(string file)
    {
        var text = File.ReadAllText(file);
        var ns = Namespace().Match(text);
        var cls = Class().Match(text);
        return ns.Success && cls.Success ? $"{ns.Groups[1].Value}.{cls.Groups[1].Value}" : null;
    }

    /// <summary>
    /// The filter language's own characters are escaped with a backslash; commas, quotes and semicolons as %XX,
    /// because dotnet test hands the filter to MSBuild, which would split on them.
    /// </summary>
    private static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '\\' or '(' or ')' or '&' or '|' or '=' or '!' or '~')
            {
                escaped.Append('\\').Append(c);
            }
            else
            {
                escaped.Append(c switch { ',' => "%2C", '"' => "%22", ';' => "%3B", _ => c.ToString() });
            }
        }

        return escaped.ToString();
    }

    [GeneratedRegex(@"namespace\s+([\w.]+)")]
    private static partial Regex Namespace();

    [GeneratedRegex(@"public partial class\s+(\w+)")]
    private static partial Regex Class();
}

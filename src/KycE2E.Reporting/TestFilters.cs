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
    /// The filter language's own characters are escaped with a backslash; commas, quotes and semicolons as %XX,
    /// because dotnet test hands the filter to MSBuild, which would split on them.
    /// </summary>
    public static string Escape(string value)
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
}

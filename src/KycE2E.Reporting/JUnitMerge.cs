using System.Xml.Linq;

namespace KycE2E.Reporting;

/// <summary>One JUnit file of a run, its retries or its shards.</summary>
public static class JUnitMerge
{
    /// <summary>Every test case once, as its last attempt ran (folders are given oldest first).</summary>
    public static void Write(IEnumerable<string> runDirs, string path)
    {
        var cases = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var file in runDirs.SelectMany(d => Directory.EnumerateFiles(d, "specs*.junit.xml")))
        {
            foreach (var testCase in XDocument.Load(file).Descendants("testcase"))
            {
                cases[$"{testCase.Attribute("classname")?.Value}\u001f{testCase.Attribute("name")?.Value}"] = testCase;
            }
        }

        var suites = cases.Values
            .GroupBy(c => c.Attribute("classname")?.Value ?? "")
            .Select(g => new XElement("testsuite",
                new XAttribute("name", g.Key),
                new XAttribute("tests", g.Count()),
                new XAttribute("failures", g.Count(c => c.Element("failure") is not null)),
                new XAttribute("skipped", g.Count(c => c.Element("skipped") is not null)),
                g.Select(c => new XElement(c))));
        var root = new XElement("testsuites", suites);
        root.SetAttributeValue("tests", cases.Count);
        root.SetAttributeValue("failures", cases.Values.Count(c => c.Element("failure") is not null));
        new XDocument(root).Save(path);
    }
}

using System.Xml.Linq;
using KycE2E.Automation.Reporting;

// The run's bookkeeping for ./e2e:
//   build OUT_DIR RUN_DIR... [--flaky-fails]   one report.html and one merged JUnit file of a run, its retries or its shards
//   failed-filter TRX...                       the dotnet test filter that re-runs exactly the failed tests
//   shard-filter I N FEATURES_DIR              the filter of shard I of N: whole features, split the same way every run
//   failed-scenarios RUN_DIR                   one line per failed scenario: [platform] feature / scenario
// Exit code: 0 all passed (flaky counts as passed unless --flaky-fails), 1 a scenario failed, 2 bad arguments.
var arguments = args.ToList();
var flakyFails = arguments.Remove("--flaky-fails");
if (arguments is ["failed-filter", .. var trx] && trx.Count > 0)
{
    Console.Write(TestFilters.Failed(trx));
    return 0;
}

if (arguments is ["failed-scenarios", var runDir])
{
    foreach (var failed in RunReport.From([runDir]).Scenarios.Where(s => s.Outcome == ScenarioRecord.Failed))
    {
        Console.WriteLine($"[{failed.Last.Platform}] {failed.Last.Feature} / {failed.Last.Scenario}");
    }

    return 0;
}

if (arguments is ["shard-filter", var i, var n, var featuresDir])
{
    if (!int.TryParse(i, out var index) || !int.TryParse(n, out var count) || count < 1 || index < 1 || index > count)
    {
        Console.Error.WriteLine($"--shard {i}/{n}: I and N are whole numbers with 1 <= I <= N");
        return 2;
    }

    Console.Write(TestFilters.Shard(index, count, featuresDir));
    return 0;
}

if (arguments.Count < 3 || arguments[0] != "build")
{
    Console.Error.WriteLine("usage: KycE2E.Reports build OUT_DIR RUN_DIR... [--flaky-fails] | failed-filter TRX... | shard-filter I N FEATURES_DIR");
    return 2;
}

var outDir = Path.GetFullPath(arguments[1]);
var runDirs = arguments.Skip(2).Select(Path.GetFullPath).ToList();
var missing = runDirs.Where(d => !Directory.Exists(d)).ToList();
if (missing.Count > 0)
{
    Console.Error.WriteLine($"no such result folder: {string.Join(", ", missing)}");
    return 2;
}

Directory.CreateDirectory(outDir);
var report = RunReport.From(runDirs);
var html = Path.Combine(outDir, "report.html");
report.WriteHtml(html, outDir);
MergeJUnit(runDirs, Path.Combine(outDir, "merged.junit.xml"));
Console.WriteLine(report.Summary(html));
var overall = report.Overall;
Console.WriteLine($"flaky scenarios: {overall.Flaky}{(flakyFails ? " (they fail the gate)" : " (listed; they do not fail the gate)")}");
Console.WriteLine($"e2e: {overall.Passed + overall.Flaky} passed, {overall.Failed} failed, {overall.Skipped} skipped");
return overall.Failed > 0 || (flakyFails && overall.Flaky > 0) ? 1 : 0;

// One JUnit file: every test case once, as its last attempt ran (folders are given oldest first).
static void MergeJUnit(IEnumerable<string> runDirs, string path)
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

using System.Globalization;
using System.Xml.Linq;

namespace KycE2E.Runner;

/// <summary>Test counts summed over every TRX file of a run folder (unit, integration, specs, retries, remote smoke).</summary>
public sealed record TrxCounts(int Passed, int Failed, int Skipped)
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static TrxCounts Of(string runDir)
    {
        int passed = 0, failed = 0, total = 0;
        if (Directory.Exists(runDir))
        {
            foreach (var file in Directory.EnumerateFiles(runDir, "*.trx", SearchOption.AllDirectories))
            {
                var counters = XDocument.Load(file).Descendants(Trx + "Counters").FirstOrDefault();
                if (counters is null)
                {
                    continue;
                }

                total += Count(counters, "total");
                passed += Count(counters, "passed");
                failed += Count(counters, "failed");
            }
        }

        return new TrxCounts(passed, failed, total - passed - failed);
    }

    private static int Count(XElement counters, string name) =>
        int.TryParse(counters.Attribute(name)?.Value, CultureInfo.InvariantCulture, out var n) ? n : 0;
}

using System.Text;
using KycE2E.Reporting;

namespace KycE2E.Runner;

/// <summary>
/// ./e2e defects: the clean suite first (it must pass), then each deliberate sandbox defect of docs/defects.tsv with the
/// scenarios of its filter (every feature when those miss it); artifacts/defects-&lt;id&gt;/matrix.md says which caught it.
/// </summary>
public sealed class DefectMatrix(Suite suite)
{
    public const string Catalogue = "docs/defects.tsv";

    public async Task<int> ExecuteAsync()
    {
        var catalogue = suite.Repository.Path(Catalogue);
        if (!File.Exists(catalogue))
        {
            throw new UsageException($"no {Catalogue}: the catalogue of deliberate defects is missing.");
        }

        await suite.BuildAsync();
        var baseId = "defects-" + suite.NewRunId();
        Directory.CreateDirectory(suite.Repository.RunDir(baseId));
        suite.Say("clean sandbox, every feature");
        if (await PassAsync("", "", $"{baseId}/clean") != 0)
        {
            foreach (var line in RunOutcome.FailedScenarios(suite.Repository.RunDir($"{baseId}/clean")))
            {
                suite.Output.WriteLine("  " + line);
            }

            throw new UsageException($"the clean run failed: a defect matrix means nothing until the clean sandbox passes (artifacts/{baseId}/clean).", ExitCodes.Failed);
        }

        var matrix = new StringBuilder("| defect | caught | by |\n|---|---|---|\n");
        var missed = 0;
        foreach (var (name, filter) in Defects(File.ReadAllLines(catalogue)))
        {
            if (suite.WasInterrupted)
            {
                return ExitCodes.Interrupted;
            }

            suite.Say($"defect {name} ({(filter.Length > 0 ? filter : "every feature")})");
            await PassAsync(name, filter, $"{baseId}/{name}");
            var caught = RunOutcome.FailedScenarios(suite.Repository.RunDir($"{baseId}/{name}"));
            if (caught.Count == 0 && filter.Length > 0)
            {
                suite.Say("  missed by its scenarios; every feature now");
                await PassAsync(name, "", $"{baseId}/{name}-all");
                caught = RunOutcome.FailedScenarios(suite.Repository.RunDir($"{baseId}/{name}-all"));
            }

            matrix.Append(Row(name, caught)).Append('\n');
            missed += caught.Count == 0 ? 1 : 0;
        }

        var path = Path.Combine(suite.Repository.RunDir(baseId), "matrix.md");
        await File.WriteAllTextAsync(path, matrix.ToString());
        suite.Output.WriteLine();
        suite.Output.Write(matrix.ToString());
        suite.Output.WriteLine();
        suite.Say($"matrix: artifacts/{baseId}/matrix.md");
        return missed == 0 ? ExitCodes.Passed : throw new UsageException($"{missed} defect(s) missed.", ExitCodes.Failed);
    }

    /// <summary>The catalogue's lines: defect name, tab, the dotnet test filter of the scenarios meant to catch it (may be empty).</summary>
    public static IEnumerable<(string Name, string Filter)> Defects(IEnumerable<string> lines) =>
        lines.Select(l => l.Split('\t', 2))
            .Where(f => f[0].Length > 0 && f[0][0] != '#')
            .Select(f => (f[0], f.Length > 1 ? f[1].Trim() : ""));

    /// <summary>One row of the matrix: caught by its first three scenarios ("…" when more), or missed.</summary>
    public static string Row(string name, IReadOnlyList<string> caught) =>
        caught.Count == 0
            ? $"| {name} | **missed** | |"
            : $"| {name} | caught | {string.Join(';', caught.Take(3))}{(caught.Count > 3 ? " …" : "")} |";

    /// <summary>The features with SANDBOX_DEFECTS set (empty: the clean sandbox), output in artifacts/&lt;id&gt;.log.</summary>
    private Task<int> PassAsync(string defect, string filter, string runId) =>
        suite.Dotnet.TestAsync(
            new TestInvocation(Repository.Specs, "specs", runId, "runsettings/ci.runsettings", filter, suite.Cores,
                new Dictionary<string, string?> { ["SANDBOX_DEFECTS"] = defect, ["KYCE2E_Run__Id"] = runId, ["KYCE2E_COMMIT"] = suite.Commit },
                LogFile: Path.Combine(suite.Repository.Artifacts, runId + ".log")),
            suite.Interrupted);
}

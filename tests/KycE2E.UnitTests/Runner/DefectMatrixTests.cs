using KycE2E.Reporting;
using KycE2E.Runner;

namespace KycE2E.UnitTests.Runner;

public sealed class DefectMatrixTests
{
    private RunnerWorkspace _workspace = null!;

    [SetUp]
    public void CreateWorkspace()
    {
        _workspace = new RunnerWorkspace();
        Directory.CreateDirectory(Path.Combine(_workspace.Root, "docs"));
        File.WriteAllText(Path.Combine(_workspace.Root, DefectMatrix.Catalogue),
            "# defect\tfilter\nblurry-photo-accepted\tCategory=unclear-photo\nreasons-hidden\tCategory=retry-entry\nlock-ignored\t\nrounding\tCategory=x\n");
    }

    [TearDown]
    public void RemoveWorkspace() => _workspace.Dispose();

    [Test]
    public async Task Each_defect_is_caught_by_its_scenarios_by_every_feature_or_missed()
    {
        _workspace.Dotnet.OnTest = t =>
        {
            var defect = t.Environment["SANDBOX_DEFECTS"];
            var caughtBy = (defect, t.Filter) switch
            {
                ("blurry-photo-accepted", _) => new[] { "a", "b", "c", "d" },
                ("reasons-hidden", "") => ["everything"],
                ("lock-ignored", "") => ["lock"],
                _ => [],
            };
            _workspace.Results(t, 1, [.. caughtBy.Select(s => (s, Outcome.Failed)), ("clean", Outcome.Passed)]);
            return caughtBy.Length > 0 ? 1 : 0;
        };

        var matrix = () => new DefectMatrix(_workspace.Suite).ExecuteAsync();

        (await matrix.Should().ThrowAsync<UsageException>()).Which.Should().BeEquivalentTo(new { Message = "1 defect(s) missed.", ExitCode = 1 });
        var file = Directory.EnumerateFiles(Path.Combine(_workspace.Root, "artifacts"), "matrix.md", SearchOption.AllDirectories).Should().ContainSingle().Subject;
        File.ReadAllLines(file).Should().Equal(
            "| defect | caught | by |",
            "|---|---|---|",
            "| blurry-photo-accepted | caught | [web] Retrying / a;[web] Retrying / b;[web] Retrying / c … |",
            "| reasons-hidden | caught | [web] Retrying / everything |",
            "| lock-ignored | caught | [web] Retrying / lock |",
            "| rounding | **missed** | |");
        _workspace.Dotnet.Tests.Select(t => (t.Environment["SANDBOX_DEFECTS"], t.Filter)).Should().Equal(
            ("", ""), ("blurry-photo-accepted", "Category=unclear-photo"), ("reasons-hidden", "Category=retry-entry"), ("reasons-hidden", ""),
            ("lock-ignored", ""), ("rounding", "Category=x"), ("rounding", ""));
        _workspace.Dotnet.Tests.Should().OnlyContain(t => t.Settings == "runsettings/ci.runsettings" && t.LogFile != null && t.LogFile.EndsWith(t.RunId + ".log"));
    }

    [Test]
    public async Task A_clean_sandbox_that_fails_stops_before_any_defect()
    {
        _workspace.Dotnet.OnTest = t => { _workspace.Results(t, 1, ("broken", Outcome.Failed)); return 1; };

        var matrix = () => new DefectMatrix(_workspace.Suite).ExecuteAsync();

        (await matrix.Should().ThrowAsync<UsageException>()).Which.Should().BeEquivalentTo(new
        {
            Message = "the clean run failed: a defect matrix means nothing until the clean sandbox passes (artifacts/defects-20261201-030405/clean).",
            ExitCode = 1,
        });
        _workspace.Dotnet.Tests.Should().ContainSingle();
        _workspace.Output.ToString().Should().Contain("  [web] Retrying / broken");
    }

    [Test]
    public async Task Every_defect_caught_is_exit_code_0()
    {
        _workspace.Dotnet.OnTest = t =>
        {
            var defect = t.Environment["SANDBOX_DEFECTS"];
            _workspace.Results(t, 1, (defect is { Length: > 0 } ? defect : "clean", defect is { Length: > 0 } ? Outcome.Failed : Outcome.Passed));
            return 0;
        };

        (await new DefectMatrix(_workspace.Suite).ExecuteAsync()).Should().Be(ExitCodes.Passed);
    }

    [TestCase("x", new string[0], "| x | **missed** | |")]
    [TestCase("x", new[] { "a" }, "| x | caught | a |")]
    [TestCase("x", new[] { "a", "b", "c" }, "| x | caught | a;b;c |")]
    public void A_row_names_at_most_three_scenarios(string name, string[] caught, string row) =>
        DefectMatrix.Row(name, caught).Should().Be(row);
}

using KycE2E.Reporting;
using KycE2E.Runner;

namespace KycE2E.UnitTests.Runner;

public sealed class SummaryTests
{
    private RunnerWorkspace _workspace = null!;

    [SetUp]
    public void CreateWorkspace() => _workspace = new RunnerWorkspace();

    [TearDown]
    public void RemoveWorkspace() => _workspace.Dispose();

    [Test]
    public void The_closing_line_counts_every_trx_file_of_the_run_retries_and_remote_smoke_included()
    {
        var run = _workspace.Repository.RunDir("t1");
        RunnerWorkspace.WriteTrx(Path.Combine(run, "unit.trx"), ("u1", Outcome.Passed), ("u2", Outcome.Passed), ("u3", Outcome.Skipped));
        RunnerWorkspace.WriteTrx(Path.Combine(run, "specs.trx"), ("s1", Outcome.Passed), ("s2", Outcome.Failed));
        RunnerWorkspace.WriteTrx(Path.Combine(run, "remote", "specs.trx"), ("s1", Outcome.Passed));
        File.WriteAllText(Path.Combine(run, "specs.junit.xml"), "<testsuites />");

        _workspace.Suite.Summarize("t1");

        TrxCounts.Of(run).Should().Be(new TrxCounts(Passed: 4, Failed: 1, Skipped: 1));
        _workspace.Output.ToString().Split(Environment.NewLine).Should().Contain("e2e: 4 passed, 1 failed, 1 skipped")
            .And.Contain("e2e: report: artifacts/t1/ (JUnit *.junit.xml, TRX *.trx, evidence per failed scenario)");
    }

    [Test]
    public void A_run_without_results_counts_nothing() =>
        TrxCounts.Of(Path.Combine(_workspace.Root, "artifacts", "none")).Should().Be(new TrxCounts(0, 0, 0));

    [Test]
    public void Dotnet_test_gets_the_loggers_the_settings_the_filter_and_the_workers()
    {
        var repository = new Repository("/repo", "Release");
        var invocation = new TestInvocation("tests/KycE2E.Specs", "specs", "r/retry-1", "runsettings/ci.runsettings", "Category=smoke", 2, new Dictionary<string, string?>());

        DotnetTestArguments(repository, invocation, githubActions: false).Should().Equal(
            "test", "tests/KycE2E.Specs", "-c", "Release", "--no-build", "--nologo",
            "--results-directory", "/repo/artifacts/r/retry-1/test-results",
            "--logger", "trx;LogFileName=/repo/artifacts/r/retry-1/specs.trx",
            "--logger", "junit;LogFilePath=/repo/artifacts/r/retry-1/specs.junit.xml;MethodFormat=Class;FailureBodyFormat=Verbose",
            "--logger", "console;verbosity=normal",
            "--settings", "runsettings/ci.runsettings", "--filter", "Category=smoke", "--", "NUnit.NumberOfTestWorkers=2");
        DotnetTestArguments(repository, invocation with { Settings = null, Filter = "", Workers = null }, githubActions: true)
            .Should().Contain("GitHubActions;summary-include-passed=false").And.NotContain("--settings").And.NotContain("--filter").And.NotContain("--");
    }

    private static IReadOnlyList<string> DotnetTestArguments(Repository repository, TestInvocation invocation, bool githubActions) =>
        Dotnet.Arguments(invocation, repository, githubActions);

    [Test]
    public void The_test_projects_are_data_and_one_not_in_the_repository_is_left_out()
    {
        Directory.CreateDirectory(Path.Combine(_workspace.Root, "tests", "KycE2E.UnitTests"));
        File.WriteAllText(Path.Combine(_workspace.Root, SuiteTest.ProjectList),
            "# name, project, title\nunit\ttests/KycE2E.UnitTests\tunit tests\n\nintegration\ttests/KycE2E.IntegrationTests\tintegration tests\n");

        SuiteTest.TestProjects(_workspace.Repository).Should().Equal(new TestProject("unit", "tests/KycE2E.UnitTests", "unit tests"));
        FluentActions.Invoking(() => TestProject.Parse(["unit tests/KycE2E.UnitTests"]).ToList()).Should().Throw<UsageException>()
            .WithMessage("tests/test-projects.tsv: 'unit tests/KycE2E.UnitTests' is not name<TAB>project<TAB>title.");
    }

    [Test]
    public void The_repository_lists_its_own_test_projects_unit_first() =>
        TestProject.Parse(File.ReadAllLines(Path.Combine(KycE2E.Automation.Processes.RepositoryLayout.Root, SuiteTest.ProjectList)))
            .Select(p => p.Name).Should().StartWith(["unit"]).And.Contain("integration");
}

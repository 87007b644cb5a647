using System.Text;
using KycE2E.Reporting;
using KycE2E.Runner;

namespace KycE2E.UnitTests.Runner;

/// <summary>A repository in a temporary folder and a dotnet that runs no process: each test pass does what the test says.</summary>
internal sealed class RunnerWorkspace : IDisposable
{
    private readonly Dictionary<string, string?> _variables = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _interrupt = new();

    public RunnerWorkspace()
    {
        Root = Directory.CreateTempSubdirectory("kyce2e-runner-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, "runsettings"));
        foreach (var profile in new[] { "ci", "local" })
        {
            File.WriteAllText(Path.Combine(Root, "runsettings", profile + ".runsettings"), "<RunSettings />");
        }

        Repository = new Repository(Root, "Release");
        Dotnet = new FakeDotnet();
    }

    public string Root { get; }

    public Repository Repository { get; }

    public FakeDotnet Dotnet { get; }

    public StringWriter Output { get; } = new();

    public StringWriter Errors { get; } = new();

    public Suite Suite => new(Repository, Dotnet, Output, Errors, n => _variables.GetValueOrDefault(n), _interrupt.Token)
    {
        Commit = "abc1234",
        Cores = 2,
        UtcNow = () => new DateTime(2026, 12, 1, 3, 4, 5, DateTimeKind.Utc),
        Answers = _ => Task.FromResult(EnvironmentAnswers),
        Fetch = url =>
        {
            Fetched.Add(url);
            return Task.FromResult(FetchAnswer);
        },
        Allure = WithAllure ? new AllureReport(Repository, Output, n => _variables.GetValueOrDefault(n)) : null,
    };

    /// <summary>The runner's Allure step, against this workspace (which has no tools/allure, so it starts no process).</summary>
    public bool WithAllure { get; set; }

    public bool EnvironmentAnswers { get; set; } = true;

    /// <summary>What a GET answers (a Grid hub's /status); null: nothing answered.</summary>
    public string? FetchAnswer { get; set; }

    public List<Uri> Fetched { get; } = [];

    public void Set(string name, string? value) => _variables[name] = value;

    public void Interrupt() => _interrupt.Cancel();

    public void Dispose()
    {
        _interrupt.Dispose();
        Directory.Delete(Root, recursive: true);
    }

    public static RunOptions Options(string profile = "ci", int retries = 0, string? platform = null, string? tags = null) =>
        RunOptions.From(tags, platform, profile, null, false, null, null, retries.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, ["ci", "local"], 2);

    /// <summary>What a dotnet test of the specs leaves: a scenario record per scenario and a TRX naming the failed ones.</summary>
    public void Results(TestInvocation pass, int attempt, params (string Scenario, Outcome Outcome)[] scenarios)
    {
        var dir = Repository.RunDir(pass.RunId);
        Directory.CreateDirectory(dir);
        foreach (var (scenario, outcome) in scenarios)
        {
            new ScenarioRecord(Guid.NewGuid().ToString("N"), "Retrying", scenario, "web", ["web"], outcome, DateTimeOffset.UtcNow, 1.5, [],
                outcome == Outcome.Failed ? "boom" : null, null, [], attempt).Write(dir);
        }

        WriteTrx(Path.Combine(dir, pass.Name + ".trx"), scenarios);
    }

    public static void WriteTrx(string path, params (string Test, Outcome Outcome)[] tests)
    {
        var trx = new StringBuilder("""<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results>""");
        for (var i = 0; i < tests.Length; i++)
        {
            var outcome = tests[i].Outcome switch { Outcome.Failed => "Failed", Outcome.Skipped => "NotExecuted", _ => "Passed" };
            trx.Append(System.Globalization.CultureInfo.InvariantCulture, $"""<UnitTestResult testId="{i}" outcome="{outcome}" />""");
        }

        trx.Append("</Results><TestDefinitions>");
        for (var i = 0; i < tests.Length; i++)
        {
            trx.Append(System.Globalization.CultureInfo.InvariantCulture, $"""<UnitTest id="{i}" name="{tests[i].Test}"><TestMethod className="Specs.RetryingFeature" name="{tests[i].Test}" /></UnitTest>""");
        }

        trx.Append(System.Globalization.CultureInfo.InvariantCulture, $"""</TestDefinitions><ResultSummary><Counters total="{tests.Length}" passed="{tests.Count(t => t.Outcome == Outcome.Passed)}" failed="{tests.Count(t => t.Outcome == Outcome.Failed)}" /></ResultSummary></TestRun>""");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, trx.ToString());
    }

    /// <summary>SpecFlow's NUnit code-behind for a feature of one scenario on one platform, as much of it as shards read.</summary>
    public static string GeneratedFeature(string className, string platform) => $$"""
        namespace Specs.Features
        {
            [NUnit.Framework.DescriptionAttribute("{{className}}")]
            [NUnit.Framework.CategoryAttribute("{{platform}}")]
            public partial class {{className}}
            {
                [NUnit.Framework.TestAttribute()]
                [NUnit.Framework.DescriptionAttribute("Scenario")]
                public void Scenario()
                {
                }
            }
        }
        """;
}

/// <summary>dotnet without processes: builds succeed, and each test run does what <see cref="OnTest"/> says and returns its code.</summary>
internal sealed class FakeDotnet : IDotnet
{
    public List<TestInvocation> Tests { get; } = [];

    public Func<TestInvocation, int> OnTest { get; set; } = _ => 0;

    public int BuildCode { get; set; }

    public int Builds { get; private set; }

    public Task<int> BuildAsync(CancellationToken interrupted)
    {
        Builds++;
        return Task.FromResult(BuildCode);
    }

    public Task<int> TestAsync(TestInvocation invocation, CancellationToken interrupted)
    {
        Tests.Add(invocation);
        return Task.FromResult(OnTest(invocation));
    }
}

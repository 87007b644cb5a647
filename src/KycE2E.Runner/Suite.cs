using System.Globalization;
using KycE2E.Reporting;

namespace KycE2E.Runner;

/// <summary>What every verb works with: the repository, the dotnet CLI, the console, the environment and Ctrl-C.</summary>
public sealed class Suite(
    Repository repository,
    IDotnet dotnet,
    TextWriter output,
    TextWriter errors,
    Func<string, string?> environment,
    CancellationToken interrupted)
{
    public Repository Repository => repository;

    public IDotnet Dotnet => dotnet;

    public TextWriter Output => output;

    public TextWriter Errors => errors;

    public CancellationToken Interrupted => interrupted;

    public bool WasInterrupted => interrupted.IsCancellationRequested;

    /// <summary>The short commit the reports name (KYCE2E_COMMIT).</summary>
    public string Commit { get; init; } = "unknown";

    public int Cores { get; init; } = System.Environment.ProcessorCount;

    /// <summary>The output is a terminal (not a file or a pipe): a live progress line may be drawn, unless CI=true.</summary>
    public bool Terminal { get; init; }

    /// <summary>The console of one dotnet test pass, quiet unless <paramref name="verbose"/>.</summary>
    public RunConsole Console(ConsoleForm form, bool verbose) => new(output, form, verbose, RunConsole.IsLive(Terminal, environment));

    /// <summary>Renders a run's Allure report (null: none, as in the unit tests, which start no process).</summary>
    public AllureReport? Allure { get; init; }

    /// <summary>The render step of a run's outputs; <paramref name="appendHistory"/> false leaves the Allure history as it is.</summary>
    public Action<string>? RenderReports(bool appendHistory) => Allure is { } allure ? outDir => allure.Render(outDir, appendHistory) : null;

    /// <summary>When a run starts: its folder's name.</summary>
    public Func<DateTime> UtcNow { get; init; } = () => DateTime.UtcNow;

    /// <summary>Asks an external environment's /health; true when it answered.</summary>
    public Func<Uri, Task<bool>> Answers { get; init; } = _ => Task.FromResult(true);

    /// <summary>GETs a URL (a Grid hub's /status): the body of whatever status it answered with, null when nothing answered within 5 s.</summary>
    public Func<Uri, Task<string?>> Fetch { get; init; } = _ => Task.FromResult<string?>(null);

    public string? Variable(string name) => environment(name);

    public void Say(string text) => output.WriteLine($"e2e: {text}");

    /// <summary>The scenario durations shards are balanced by: KYCE2E_DURATIONS, else artifacts/durations.json.</summary>
    public string DurationsFile =>
        Variable("KYCE2E_DURATIONS") is { Length: > 0 } file ? Path.GetFullPath(file) : Path.Combine(repository.Artifacts, ScenarioDurations.DefaultFile);

    /// <summary>
    /// The filter of one shard of the scenarios (of one platform when given), balanced by the recorded durations, with a
    /// line saying what it holds.
    /// </summary>
    public string ShardFilter(int index, int count, string? platform)
    {
        ScenarioDurations durations;
        try
        {
            durations = ScenarioDurations.Load(DurationsFile);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException(e.Message);
        }

        var units = ShardPlan.Units(repository.Path("features")).Where(u => platform is null || u.Platform is null || u.Platform == platform).ToList();
        var shard = ShardPlan.Split(units, durations, count)[index - 1];
        Say(string.Create(CultureInfo.InvariantCulture, $"shard {index}/{count}: {shard.Units.Sum(u => u.Rows)} scenarios, {(durations.Count == 0 ? $"{shard.PredictedSeconds:0} of {units.Sum(u => u.Rows)} by count (no durations recorded yet)" : $"{shard.PredictedSeconds:0} s predicted from {DurationsFile}")}"));
        return ShardPlan.Filter(units, durations, index, count);
    }

    /// <summary>Adds the scenarios of these result folders to the durations file; a file that cannot be written is said, not fatal.</summary>
    public void RecordDurations(IEnumerable<string> runDirs)
    {
        try
        {
            ScenarioDurations.Update(DurationsFile, runDirs);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            errors.WriteLine($"e2e: the scenario durations were not recorded: {e.Message}");
        }
    }

    public string NewRunId() => UtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);

    /// <summary>Set by ./e2e test for its drills: the solution was built a moment ago by the same ./e2e test.</summary>
    public const string BuiltVariable = "KYCE2E_BUILT";

    public async Task BuildAsync()
    {
        if (Variable(BuiltVariable) is { Length: > 0 } by)
        {
            Say($"not building: {BuiltVariable} says {by}");
            return;
        }

        Say($"building ({repository.Configuration})");
        if (await dotnet.BuildAsync(interrupted) != 0)
        {
            throw new UsageException("the build failed (see above).", ExitCodes.Failed);
        }
    }

    /// <summary>The run's environment-error.txt (the test host could not set the environment up), printed; true when there was one.</summary>
    public bool EnvironmentFailed(string runId)
    {
        var marker = Path.Combine(repository.RunDir(runId), "environment-error.txt");
        if (!File.Exists(marker))
        {
            return false;
        }

        var text = File.ReadAllText(marker);
        errors.WriteLine($"e2e: environment not ready: {(text.Length > 600 ? text[..600] : text)}");
        return true;
    }

    /// <summary>The closing lines CI reads: "e2e: N passed, N failed, N skipped" over every TRX file of the run.</summary>
    public void Summarize(string runId)
    {
        var counts = TrxCounts.Of(repository.RunDir(runId));
        Say($"report: artifacts/{runId}/ (JUnit *.junit.xml, TRX *.trx, evidence per failed scenario)");
        output.WriteLine($"e2e: {counts.Passed} passed, {counts.Failed} failed, {counts.Skipped} skipped");
    }
}

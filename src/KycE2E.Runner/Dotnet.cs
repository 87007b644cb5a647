using System.Diagnostics;

namespace KycE2E.Runner;

/// <summary>One dotnet test of one project: its results go to artifacts/&lt;run&gt;/&lt;Name&gt;.trx and .junit.xml.</summary>
/// <param name="Project">the test project, relative to the repository</param>
/// <param name="Name">the results' file name: specs, unit, integration</param>
/// <param name="RunId">the folder under artifacts/ (a retry's is "&lt;run&gt;/retry-1")</param>
/// <param name="Settings">a runsettings file, or null</param>
/// <param name="Filter">a dotnet test filter, or empty for every test</param>
/// <param name="Workers">NUnit.NumberOfTestWorkers, or null for the project's default</param>
/// <param name="Environment">variables for the test host, over this process's own</param>
/// <param name="LogFile">where the console output goes; null: this console</param>
/// <param name="ConsoleVerbosity">the console logger's verbosity (detailed shows what passed tests printed)</param>
/// <param name="Lines">with a log file: each line of the output as it is written there (the console's filter)</param>
public sealed record TestInvocation(
    string Project,
    string Name,
    string RunId,
    string? Settings,
    string Filter,
    int? Workers,
    IReadOnlyDictionary<string, string?> Environment,
    string? LogFile = null,
    string ConsoleVerbosity = "normal",
    Action<string>? Lines = null);

/// <summary>The dotnet CLI as runs use it; the seam that lets retries, shards, the gate and the matrix be tested without processes.</summary>
public interface IDotnet
{
    /// <summary>Builds the solution; returns dotnet build's exit code.</summary>
    Task<int> BuildAsync(CancellationToken interrupted);

    /// <summary>Runs the tests to the end and returns dotnet test's exit code.</summary>
    Task<int> TestAsync(TestInvocation invocation, CancellationToken interrupted);
}

/// <summary>The real dotnet CLI, its console output shown (or written to the invocation's log file).</summary>
public sealed class Dotnet(Repository repository) : IDotnet
{
    public async Task<int> BuildAsync(CancellationToken interrupted)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repository.Root };
        foreach (var arg in new[] { "build", "KycE2E.sln", "-c", repository.Configuration, "-nologo", "-clp:ErrorsOnly", "-v:quiet" })
        {
            start.ArgumentList.Add(arg);
        }

        // MSBuild's "Build succeeded" and its counts stay in artifacts/build.log; a failed build shows its errors here.
        var lines = new List<string>();
        var code = await ChildProcesses.RunAsync(start, Path.Combine(repository.Artifacts, "build.log"), interrupted, lines.Add);
        if (code != 0)
        {
            lines.ForEach(System.Console.WriteLine);
        }

        return code;
    }

    public static IReadOnlyList<string> Arguments(TestInvocation t, Repository repository, bool githubActions)
    {
        var results = repository.RunDir(t.RunId);
        var args = new List<string>
        {
            "test", t.Project, "-c", repository.Configuration, "--no-build", "--nologo",
            "--results-directory", Path.Combine(results, "test-results"),
            "--logger", $"trx;LogFileName={Path.Combine(results, t.Name + ".trx")}",
            "--logger", $"junit;LogFilePath={Path.Combine(results, t.Name + ".junit.xml")};MethodFormat=Class;FailureBodyFormat=Verbose",
            "--logger", $"console;verbosity={t.ConsoleVerbosity}",
        };
        if (githubActions)
        {
            args.AddRange(["--logger", "GitHubActions;summary-include-passed=false"]);
        }

        if (t.Settings is { } settings)
        {
            args.AddRange(["--settings", settings]);
        }

        if (t.Filter.Length > 0)
        {
            args.AddRange(["--filter", t.Filter]);
        }

        if (t.Workers is { } workers)
        {
            args.AddRange(["--", $"NUnit.NumberOfTestWorkers={workers}"]);
        }

        return args;
    }

    public async Task<int> TestAsync(TestInvocation invocation, CancellationToken interrupted)
    {
        Directory.CreateDirectory(repository.RunDir(invocation.RunId));
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repository.Root };
        foreach (var arg in Arguments(invocation, repository, System.Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true"))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in invocation.Environment)
        {
            start.Environment[name] = value;
        }

        return await ChildProcesses.RunAsync(start, invocation.LogFile, interrupted, invocation.Lines);
    }
}

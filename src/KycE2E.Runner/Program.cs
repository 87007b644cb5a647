using System.Diagnostics;
using System.Runtime.InteropServices;
using KycE2E.Reporting;
using KycE2E.Runner;

// ./e2e's verbs, started by the e2e script once the prerequisites are in place and this program is built.
// Exit codes: 0 passed, 1 a test failed, 2 bad input or an environment that could not be set up, 130 interrupted.
var repository = Repository.FromEnvironment();
using var interrupt = new CancellationTokenSource();
// Ctrl-C reaches the whole process group: dotnet test stops its run (and the sandbox, Appium and browsers with it)
// while this process waits for it and then writes the report of what finished.
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
{
    context.Cancel = true;
    interrupt.Cancel();
});
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
var suite = new Suite(repository, new Dotnet(repository), Console.Out, Console.Error, Environment.GetEnvironmentVariable, interrupt.Token)
{
    Commit = await CommitAsync(repository.Root),
    Terminal = !Console.IsOutputRedirected,
    Allure = new AllureReport(repository, Console.Out, Environment.GetEnvironmentVariable),
    Answers = async health =>
    {
        try
        {
            using var answer = await http.GetAsync(health);
            return answer.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    },
    Fetch = async url =>
    {
        try
        {
            using var answer = await http.GetAsync(url);
            return await answer.Content.ReadAsStringAsync();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    },
};

try
{
    return CommandLine.Parse(args, repository.Profiles(), Environment.ProcessorCount) switch
    {
        RunVerb run => await new SuiteRun(suite).ExecuteAsync(run.Options),
        TestVerb test => await new SuiteTest(suite).ExecuteAsync(test.Verbose, test.Only),
        DefectsVerb => await new DefectMatrix(suite).ExecuteAsync(),
        BenchVerb bench => await new BenchRun(suite).ExecuteAsync(bench),
        ContractVerb contract => await new ContractCheck(suite).ExecuteAsync(contract),
        ReportMergeVerb merge => ReportMerge(merge),
        SandboxVerb sandbox => await SandboxAsync(sandbox.Port),
        GridVerb grid => await new GridCommand(suite, suite.Fetch).ExecuteAsync(grid),
        ShowTraceVerb trace => await ShowTraceAsync(trace.Trace),
        DocsVerb docs => await ChildAsync("dotnet", ["run", "--project", "src/KycE2E.DocumentsCli", "-c", repository.Configuration, "--", .. docs.Arguments]),
        HelpVerb { Unknown: true } => Help(Console.Error, ExitCodes.Environment),
        _ => Help(Console.Out, ExitCodes.Passed),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine($"e2e: {e.Message}");
    return e.ExitCode;
}

static int Help(TextWriter to, int code)
{
    to.WriteLine(Usage.Text);
    return code;
}

// One report and one JUnit file from several result folders (shards, retries); flaky fails only when KYCE2E_FLAKY_FAILS=true.
int ReportMerge(ReportMergeVerb merge)
{
    var dirs = merge.RunDirs.Select(Path.GetFullPath).ToList();
    var missing = dirs.Where(d => !Directory.Exists(d)).ToList();
    if (missing.Count > 0)
    {
        throw new UsageException($"no such result folder: {string.Join(", ", missing)}");
    }

    var policy = new SuiteRun(suite).Policy(profile: "ci");
    suite.RecordDurations(dirs);
    return RunOutcome.Write(Path.GetFullPath(merge.OutDir), dirs, policy, Console.Out, suite.RenderReports(appendHistory: true));
}

async Task<int> SandboxAsync(int port)
{
    await suite.BuildAsync();
    var key = Environment.GetEnvironmentVariable("KYCE2E_SANDBOX_KEY") is { Length: > 0 } k ? k : "sandbox-local-test-data-key";
    var data = repository.Path(".sandbox-data");
    suite.Say($"Sandbox Exchange at http://127.0.0.1:{port}/ (web) and http://127.0.0.1:{port}/app/ (phone app)");
    suite.Say($"test-data API key (header X-Test-Api-Key): {key}");
    suite.Say($"data folder: {data}; Ctrl-C stops it");
    return await ChildAsync("dotnet", [repository.Program("KycE2E.Sandbox"), "--urls", $"http://127.0.0.1:{port}"],
        new() { ["Sandbox__TestApiKey"] = key, ["Sandbox__DataDir"] = data });
}

async Task<int> ShowTraceAsync(string trace)
{
    if (!File.Exists(trace))
    {
        throw new UsageException($"show-trace: no file {trace}");
    }

    var playwright = repository.Path("tests", "KycE2E.Specs", "bin", repository.Configuration, "net10.0", ".playwright");
    if (!Directory.Exists(playwright))
    {
        await suite.BuildAsync();
    }

    return await ChildAsync(Path.Combine(playwright, "node", "linux-x64", "node"), [Path.Combine(playwright, "package", "cli.js"), "show-trace", trace]);
}

// A program that owns the console until it ends (Ctrl-C reaches it from the terminal); its exit code is ours.
async Task<int> ChildAsync(string file, IEnumerable<string> arguments, Dictionary<string, string>? environment = null)
{
    var start = new ProcessStartInfo(file) { WorkingDirectory = repository.Root };
    foreach (var arg in arguments)
    {
        start.ArgumentList.Add(arg);
    }

    foreach (var (name, value) in environment ?? [])
    {
        start.Environment[name] = value;
    }

    var code = await ChildProcesses.RunAsync(start, null, CancellationToken.None);
    return interrupt.IsCancellationRequested ? ExitCodes.Interrupted : code;
}

static async Task<string> CommitAsync(string root)
{
    try
    {
        var start = new ProcessStartInfo("git", ["rev-parse", "--short", "HEAD"]) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        using var git = Process.Start(start)!;
        var commit = (await git.StandardOutput.ReadToEndAsync()).Trim();
        await git.WaitForExitAsync();
        return git.ExitCode == 0 && commit.Length > 0 ? commit : "unknown";
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return "unknown";
    }
}

using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace KycE2E.Runner;

/// <summary>What ./e2e was asked to do.</summary>
public abstract record Verb;

public sealed record RunVerb(RunOptions Options) : Verb;

public sealed record TestVerb(bool Verbose = false, string? Only = null) : Verb;

public sealed record DefectsVerb : Verb;

/// <param name="Only">The parts to run, comma-separated in <see cref="Parts"/>'s order; null: all of them.</param>
public sealed record BenchVerb(int Repeats, int Users, int Seconds, string? Tags, string? Only = null) : Verb
{
    /// <summary>The benchmark's parts, in the order they run.</summary>
    public static readonly IReadOnlyList<string> Parts = ["workers", "login", "overhead", "startup", "load", "documents", "hardening"];

    public bool Runs(string part) => Only is null || Only.Split(',').Contains(part, StringComparer.Ordinal);
}

public sealed record ReportMergeVerb(string OutDir, IReadOnlyList<string> RunDirs) : Verb;

public sealed record SandboxVerb(int Port) : Verb;

public sealed record ShowTraceVerb(string Trace) : Verb;

public sealed record DocsVerb(IReadOnlyList<string> Arguments) : Verb;

/// <summary>The usage text; on stderr with exit code 2 for a verb that does not exist.</summary>
public sealed record HelpVerb(bool Unknown) : Verb;

/// <summary>./e2e's command line: verbs and options parsed by System.CommandLine, their values checked here.</summary>
public static class CommandLine
{
    /// <summary>Values are taken as typed: "@smoke" is a tag expression, not a response file.</summary>
    private static readonly ParserConfiguration Configuration = new() { ResponseFileTokenReplacer = null, EnablePosixBundling = false };

    public static Verb Parse(IReadOnlyList<string> args, IReadOnlyList<string> profiles, int cores)
    {
        var verb = args.Count > 0 ? args[0] : "help";
        var rest = args.Skip(1).ToList();
        return verb switch
        {
            "run" => ParseRun(rest, profiles, cores),
            "test" => ParseTest(rest),
            "defects" => NoOptions<DefectsVerb>("defects", rest),
            "bench" => ParseBench(rest),
            "contract" => ContractCheck.Parse(rest, profiles),
            "report" => ParseReport(rest),
            "sandbox" => ParseSandbox(rest),
            "grid" => ParseGrid(rest),
            "show-trace" => rest.Count > 0 ? new ShowTraceVerb(rest[0]) : throw new UsageException("show-trace needs the path of a trace.zip"),
            "docs" => rest.Count > 0 ? new DocsVerb(rest) : throw new UsageException("docs: give --out DIR (and optionally --seed N, --on YYYY-MM-DD)"),
            "help" or "-h" or "--help" => new HelpVerb(Unknown: false),
            _ => new HelpVerb(Unknown: true),
        };
    }

    private static RunVerb ParseRun(List<string> args, IReadOnlyList<string> profiles, int cores)
    {
        var tags = Value("--tags");
        var platform = Value("--platform");
        var env = Value("--env");
        var workers = Value("--workers");
        var headed = new Option<bool>("--headed");
        var device = Value("--device");
        var screenshots = Value("--screenshots");
        var retries = Value("--retries");
        var shard = Value("--shard");
        var seed = Value("--seed");
        var verbose = new Option<bool>("--verbose");
        var grid = Value("--grid");
        var command = new Command("run") { tags, platform, env, workers, headed, device, screenshots, retries, shard, seed, verbose, grid };
        var result = Parsed(command, args, "run", new Dictionary<Option, string>
        {
            [tags] = "--tags needs an expression",
            [platform] = "--platform needs web or mobile",
            [env] = "--env needs a profile name",
            [workers] = "--workers needs a number",
            [device] = "--device needs a phone profile name",
            [screenshots] = "--screenshots needs off, on-failure or every-step",
            [retries] = "--retries needs a number",
            [shard] = "--shard needs I/N",
            [seed] = "--seed needs a number",
            [grid] = "--grid needs the hub's URL, e.g. http://127.0.0.1:4444",
        });
        var options = RunOptions.From(
            result.GetValue(tags), result.GetValue(platform), result.GetValue(env), result.GetValue(workers), result.GetValue(headed),
            result.GetValue(device), result.GetValue(screenshots), result.GetValue(retries), result.GetValue(shard), result.GetValue(seed),
            profiles, cores);
        return new RunVerb(options with { Verbose = result.GetValue(verbose), Grid = GridUrl(result.GetValue(grid)) });
    }

    private static TestVerb ParseTest(List<string> args)
    {
        var verbose = new Option<bool>("--verbose");
        var only = Value("--only");
        var result = Parsed(new Command("test") { verbose, only }, args, "test", new Dictionary<Option, string> { [only] = $"--only needs a stage: {SuiteTest.GridSmoke}" });
        return result.GetValue(only) is { } stage && stage != SuiteTest.GridSmoke
            ? throw new UsageException($"test --only: the stages that run alone are: {SuiteTest.GridSmoke}; not '{stage}'.")
            : new TestVerb(result.GetValue(verbose), result.GetValue(only));
    }

    private static BenchVerb ParseBench(List<string> args)
    {
        var repeats = Value("--repeats");
        var users = Value("--users");
        var seconds = Value("--seconds");
        var tags = Value("--tags");
        var only = Value("--only");
        var result = Parsed(new Command("bench") { repeats, users, seconds, tags, only }, args, "bench", new Dictionary<Option, string>
        {
            [only] = $"--only needs parts: {string.Join(',', BenchVerb.Parts)}",
            [repeats] = "--repeats needs a number",
            [users] = "--users needs a number",
            [seconds] = "--seconds needs a number",
            [tags] = "--tags needs an expression",
        });
        if (result.GetValue(tags) is { } expression)
        {
            _ = TagFilter.From(expression);
        }

        string? parts = null;
        if (result.GetValue(only) is { } list)
        {
            var named = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (named.Length == 0 || named.FirstOrDefault(p => !BenchVerb.Parts.Contains(p, StringComparer.Ordinal)) is { } unknown)
            {
                throw new UsageException($"bench: --only takes {string.Join(',', BenchVerb.Parts)}, not '{(named.Length == 0 ? list : named.First(p => !BenchVerb.Parts.Contains(p, StringComparer.Ordinal)))}'.");
            }

            parts = string.Join(',', BenchVerb.Parts.Where(named.Contains));
        }

        return new BenchVerb(
            Positive(result.GetValue(repeats) ?? "5"), Positive(result.GetValue(users) ?? "50"), Positive(result.GetValue(seconds) ?? "60"), result.GetValue(tags), parts);

        static int Positive(string n) =>
            n.Length > 0 && n[0] != '0' && n.All(char.IsAsciiDigit) && int.TryParse(n, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new UsageException($"bench: '{n}' is not a whole number above 0.");
    }

    private static ReportMergeVerb ParseReport(List<string> args)
    {
        if (args is not ["merge", .. var folders])
        {
            throw new UsageException("report: use ./e2e report merge OUT_DIR RESULT_DIR...");
        }

        return folders.Count >= 2
            ? new ReportMergeVerb(folders[0], folders[1..])
            : throw new UsageException("report merge: give the output folder and at least one result folder");
    }

    private static SandboxVerb ParseSandbox(List<string> args)
    {
        var port = Value("--port");
        var result = Parsed(new Command("sandbox") { port }, args, "sandbox", new Dictionary<Option, string> { [port] = "--port needs a number" }, seeHelp: false);
        var value = result.GetValue(port) ?? "5080";
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and < 65536
            ? new SandboxVerb(number)
            : throw new UsageException($"sandbox: --port is a port number from 1 to 65535, not '{value}'.");
    }

    private static GridVerb ParseGrid(List<string> args)
    {
        if (args is not [("up" or "down" or "status") and var action, .. var options])
        {
            throw new UsageException("grid: use ./e2e grid up [--nodes N] [--port P], ./e2e grid down or ./e2e grid status");
        }

        if (action != "up")
        {
            return options.Count == 0 ? new GridVerb(action) : throw new UsageException($"grid {action}: unknown option '{options[0]}' (see ./e2e help)");
        }

        var nodes = Value("--nodes");
        var port = Value("--port");
        var result = Parsed(new Command("up") { nodes, port }, options, "grid up", new Dictionary<Option, string>
        {
            [nodes] = "--nodes needs a number",
            [port] = "--port needs a number",
        });
        var n = result.GetValue(nodes) ?? "2";
        if (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 16)
        {
            throw new UsageException($"grid up: --nodes is a whole number from 1 to 16, not '{n}'.");
        }

        int? hubPort = null;
        if (result.GetValue(port) is { } p)
        {
            hubPort = int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and < 65536
                ? number
                : throw new UsageException($"grid up: --port is a port number from 1 to 65535, not '{p}'.");
        }

        return new GridVerb("up", count, hubPort);
    }

    /// <summary>--grid: an http(s) URL of a Selenium Grid hub (or an Appium server), checked before anything starts.</summary>
    private static string? GridUrl(string? url) =>
        url is null || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0)
            ? url?.TrimEnd('/')
            : throw new UsageException($"--grid: the hub's http(s) URL, such as http://127.0.0.1:4444, not '{url}'.");

    private static T NoOptions<T>(string verb, List<string> args)
        where T : Verb, new() =>
        args.Count == 0 ? new T() : throw new UsageException($"{verb}: unknown option '{args[0]}' (see ./e2e help)");

    private static Option<string> Value(string name) => new(name);

    /// <summary>Parses; an unknown option or a missing value is one line naming it.</summary>
    private static ParseResult Parsed(Command command, List<string> args, string verb, Dictionary<Option, string> needsValue, bool seeHelp = true)
    {
        var result = command.Parse(args, Configuration);
        if (result.UnmatchedTokens.Count > 0)
        {
            throw new UsageException($"{verb}: unknown option '{result.UnmatchedTokens[0]}'{(seeHelp ? " (see ./e2e help)" : "")}");
        }

        foreach (var error in result.Errors)
        {
            if (error.SymbolResult is OptionResult { Option: var option } && needsValue.TryGetValue(option, out var message))
            {
                throw new UsageException(message);
            }

            throw new UsageException($"{verb}: {error.Message}");
        }

        return result;
    }
}

using System.Globalization;
using System.Text.Json;
using KycE2E.Bench;
using KycE2E.Reporting;

const string Usage = """
    Usage: KycE2E.Bench VERB --out FILE [options]    (./e2e bench runs them all; see README "Benchmark")

      startup   --out FILE [--rounds 3]              seconds to sandbox ready, Appium ready, first Appium session, first browser
      plain     --out FILE                           the three plain scripts (happy web, blurry web, happy mobile) once each
      load      --out FILE [--users 50] [--seconds 60]   users doing the full API flow side by side
      documents --out FILE                           render, photograph and analyse one ID card
      report    --dir DIR                            results.md and results.json from what the others wrote in DIR
    """;

if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
    {
        return Fail($"'{args[i]}' is not an option with a value.");
    }

    options[args[i][2..]] = args[++i];
}

int Number(string name, int fallback) =>
    !options.TryGetValue(name, out var text) ? fallback
    : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
    : throw new ArgumentException($"--{name} must be a whole number above 0, not '{text}'.");

try
{
    if (args[0] == "report")
    {
        return BenchReport.Write(options.TryGetValue("dir", out var dir) ? dir : throw new ArgumentException("report needs --dir DIR."), Console.Out);
    }

    var output = options.TryGetValue("out", out var o) ? o : throw new ArgumentException($"{args[0]} needs --out FILE.");
    object result = args[0] switch
    {
        "startup" => await Measurements.StartupAsync(Number("rounds", 3), Console.Out),
        "plain" => await Measurements.PlainAsync(Console.Out),
        "load" => await Measurements.LoadAsync(Number("users", 50), TimeSpan.FromSeconds(Number("seconds", 60)), Console.Out),
        "documents" => Measurements.Documents(),
        _ => throw new ArgumentException($"Unknown verb '{args[0]}'."),
    };
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    await File.WriteAllTextAsync(output, JsonSerializer.Serialize(result, ScenarioRecord.Json));
    return 0;
}
catch (ArgumentException e)
{
    return Fail(e.Message);
}

static int Fail(string message)
{
    Console.Error.WriteLine($"bench: {message}");
    Console.Error.WriteLine(Usage);
    return 2;
}

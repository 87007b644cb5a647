using System.Globalization;
using KycE2E.DocumentsCli;

const string Usage = """
    Writes the synthetic ID document photos the suite uploads, with a manifest.json describing each.

    Usage:
      KycE2E.DocumentsCli --out DIR [--seed N] [--on YYYY-MM-DD]
      KycE2E.DocumentsCli --measure [--seed N] [--on YYYY-MM-DD]

      --out DIR     folder to write the photos and manifest.json into (created if missing)
      --seed N      integer seed: the same seed and date give the same files (default 1)
      --on DATE     the date ages and expiry are judged on (default: today)
      --measure     print render and analysis timings and each variant's measured values
    """;

string? output = null;
var seed = 1;
var on = DateOnly.FromDateTime(DateTime.Today);
var measure = false;
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
        ? args[++i]
        : throw new ArgumentException($"{args[i]} needs a value.");

    try
    {
        switch (args[i])
        {
            case "--out":
                output = Value();
                break;
            case "--seed":
                var text = Value();
                seed = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
                    ? parsed
                    : throw new ArgumentException($"--seed must be an integer, not '{text}'.");
                break;
            case "--on":
                var date = Value();
                on = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    ? day
                    : throw new ArgumentException($"--on must be a date like 2026-03-01, not '{date}'.");
                break;
            case "--measure":
                measure = true;
                break;
            case "--help" or "-h":
                Console.WriteLine(Usage);
                return 0;
            default:
                throw new ArgumentException($"Unknown argument '{args[i]}'.");
        }
    }
    catch (ArgumentException e)
    {
        return Fail(e.Message);
    }
}

if (measure == (output is not null))
{
    return Fail(measure ? "Give either --out DIR or --measure, not both." : "Missing --out DIR (or --measure).");
}

if (measure)
{
    Measurement.Run(seed, on, Console.Out);
    return 0;
}

var written = FixtureWriter.Write(FixtureSet.Build(seed, on), output!, seed, on);
Console.WriteLine($"Wrote {written} photos and manifest.json to {Path.GetFullPath(output!)} (seed {seed}, date {on:yyyy-MM-dd}).");
return 0;

static int Fail(string message)
{
    Console.Error.WriteLine($"error: {message}");
    Console.Error.WriteLine();
    Console.Error.WriteLine(Usage);
    return 2;
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace KycE2E.Runner;

/// <summary>A shard: I of N, whole features.</summary>
public sealed record Shard(int Index, int Count)
{
    public override string ToString() => $"{Index}/{Count}";
}

/// <summary>./e2e run's options, checked: every bad value is a <see cref="UsageException"/> naming the option and the fix.</summary>
public sealed partial record RunOptions(
    string? Tags,
    string? Platform,
    string Profile,
    int Workers,
    bool Headed,
    string? Device,
    string? Screenshots,
    int Retries,
    Shard? Shard,
    int? Seed)
{
    /// <summary>The options as typed (null: not given), checked in the order ./e2e always checked them.</summary>
    public static RunOptions From(
        string? tags, string? platform, string? profile, string? workers, bool headed, string? device, string? screenshots,
        string? retries, string? shard, string? seed, IReadOnlyList<string> profiles, int cores)
    {
        profile ??= "local";
        if (!profiles.Contains(profile))
        {
            throw new UsageException($"--env: no runsettings/{profile}.runsettings; use one of: {string.Join(' ', profiles)}.");
        }

        if (platform is not (null or "web" or "mobile"))
        {
            throw new UsageException($"--platform: use web or mobile, not '{platform}'.");
        }

        workers ??= cores.ToString(CultureInfo.InvariantCulture);
        if (!PositiveNumber().IsMatch(workers) || !int.TryParse(workers, CultureInfo.InvariantCulture, out var workerCount))
        {
            throw new UsageException($"--workers: a whole number above 0, not '{workers}'.");
        }

        retries ??= "0";
        if (!WholeNumber().IsMatch(retries) || !int.TryParse(retries, CultureInfo.InvariantCulture, out var retryCount))
        {
            throw new UsageException($"--retries: a whole number, not '{retries}'.");
        }

        Shard? parsedShard = null;
        if (shard is not null)
        {
            var m = ShardPattern().Match(shard);
            if (!m.Success || !int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var index) || !int.TryParse(m.Groups[2].Value, CultureInfo.InvariantCulture, out var count))
            {
                throw new UsageException($"--shard: I/N such as 1/2, not '{shard}'.");
            }

            if (index > count)
            {
                throw new UsageException($"--shard {shard}: I and N are whole numbers with 1 <= I <= N");
            }

            parsedShard = new Shard(index, count);
        }

        int? parsedSeed = null;
        if (seed is not null)
        {
            if (!SeedPattern().IsMatch(seed))
            {
                throw new UsageException($"--seed: a whole number from 1 to 999999999, not '{seed}'.");
            }

            parsedSeed = int.Parse(seed, CultureInfo.InvariantCulture);
        }

        if (tags is not null)
        {
            _ = TagFilter.From(tags); // a tag expression it cannot translate stops the run before anything starts
        }

        return new RunOptions(tags, platform, profile, workerCount, headed, device, screenshots, retryCount, parsedShard, parsedSeed);
    }

    /// <summary>--verbose: every line of dotnet test on the console (each step of each scenario), not only a line per scenario.</summary>
    public bool Verbose { get; init; }

    /// <summary>--grid: the mobile scenarios' sessions go to this Selenium Grid hub (Mobile:AppiumUrl); the run starts no Appium.</summary>
    public string? Grid { get; init; }

    /// <summary>The dotnet test filter of the tags and the platform (the shard's is added once the specs are built).</summary>
    public string Filter()
    {
        var filter = Tags is null ? "" : TagFilter.From(Tags);
        return Platform is null ? filter : TagFilter.And(filter, $"Category={Platform}");
    }

    public string Settings => $"runsettings/{Profile}.runsettings";

    [GeneratedRegex(@"^[1-9][0-9]*$")]
    private static partial Regex PositiveNumber();

    [GeneratedRegex(@"^[0-9]+$")]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"^([1-9][0-9]{0,8})/([1-9][0-9]{0,8})$")]
    private static partial Regex ShardPattern();

    [GeneratedRegex(@"^[1-9][0-9]{0,8}$")]
    private static partial Regex SeedPattern();
}

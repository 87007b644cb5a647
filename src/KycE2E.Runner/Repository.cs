namespace KycE2E.Runner;

/// <summary>Where things are: the repository, its build configuration, its profiles and the run folders under artifacts/.</summary>
public sealed record Repository(string Root, string Configuration)
{
    public const string Specs = "tests/KycE2E.Specs";

    public static Repository FromEnvironment() => new(
        System.Environment.GetEnvironmentVariable("KYCE2E_ROOT") is { Length: > 0 } root ? root : FindRoot(AppContext.BaseDirectory),
        System.Environment.GetEnvironmentVariable("CONFIGURATION") is { Length: > 0 } configuration ? configuration : "Release");

    public string Artifacts => System.IO.Path.Combine(Root, "artifacts");

    public string RunDir(string runId) => System.IO.Path.Combine(Artifacts, runId);

    public string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The runsettings profiles: runsettings/NAME.runsettings.</summary>
    public IReadOnlyList<string> Profiles() =>
        Directory.Exists(Path("runsettings"))
            ? [.. Directory.EnumerateFiles(Path("runsettings"), "*.runsettings").Select(f => System.IO.Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>A built program of this repository: src/NAME/bin/CONFIGURATION/net10.0/NAME.dll.</summary>
    public string Program(string name) => Path("src", name, "bin", Configuration, "net10.0", name + ".dll");

    private static string FindRoot(string from)
    {
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "KycE2E.sln")))
            {
                return dir.FullName;
            }
        }

        throw new UsageException($"no KycE2E.sln above {from}: run ./e2e from the repository.");
    }
}

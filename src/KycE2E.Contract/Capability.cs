namespace KycE2E.Contract;

/// <summary>What the check found for one capability of the contract.</summary>
public enum Verdict
{
    Present,
    Missing,
    Wrong,
}

/// <summary>One line of the check's output: a capability of docs/environment-contract.md and what the environment offers of it.</summary>
public sealed record Capability(string Name, Verdict Verdict, string Detail = "")
{
    public static Capability Present(string name, string detail = "") => new(name, Verdict.Present, detail);

    public static Capability Missing(string name, string detail) => new(name, Verdict.Missing, detail);

    public static Capability Wrong(string name, string expected, string got) => new(name, Verdict.Wrong, $"expected {expected}, got {got}");

    /// <summary>"present  name", "missing  name: why", "wrong    name (expected …, got …)".</summary>
    public string Line => Verdict switch
    {
        Verdict.Present => $"present  {Name}{(Detail.Length > 0 ? $"  ({Detail})" : "")}",
        Verdict.Missing => $"missing  {Name}: {Detail}",
        _ => $"wrong    {Name} ({Detail})",
    };

    /// <summary>0 when every capability is present, 1 otherwise.</summary>
    public static int ExitCode(IEnumerable<Capability> found) => found.All(c => c.Verdict == Verdict.Present) ? 0 : 1;
}

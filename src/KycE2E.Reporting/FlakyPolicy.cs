namespace KycE2E.Reporting;

/// <summary>
/// The one flaky rule: a scenario that failed in an earlier pass and passed in a later one is flaky. It is always listed;
/// whether it fails the gate is a setting: it does except in the ci profile, and KYCE2E_FLAKY_FAILS=true|false decides over both.
/// </summary>
public sealed record FlakyPolicy(bool FlakyFails)
{
    public const string Variable = "KYCE2E_FLAKY_FAILS";

    /// <summary>The outcome of a scenario across its attempts, oldest first.</summary>
    public static Outcome Of(IReadOnlyList<Outcome> attempts)
    {
        ArgumentOutOfRangeException.ThrowIfZero(attempts.Count);
        var last = attempts[^1];
        return last == Outcome.Passed && attempts.Take(attempts.Count - 1).Contains(Outcome.Failed) ? Outcome.Flaky : last;
    }

    /// <summary>The setting for a run of this profile; <paramref name="flakyFails"/> is the variable's value when it is set.</summary>
    public static FlakyPolicy For(string? profile, string? flakyFails) =>
        string.IsNullOrEmpty(flakyFails)
            ? new FlakyPolicy(profile != "ci")
            : bool.TryParse(flakyFails, out var fails)
                ? new FlakyPolicy(fails)
                : throw new ArgumentException($"{Variable}: true or false, not '{flakyFails}'.", nameof(flakyFails));

    /// <summary>The gate: 0 when nothing failed (flaky counts as passed unless it fails the gate), 1 otherwise.</summary>
    public int ExitCode(Totals totals) => totals.Failed > 0 || (FlakyFails && totals.Flaky > 0) ? 1 : 0;

    public string Describe(Totals totals) =>
        $"flaky scenarios: {totals.Flaky}{(FlakyFails ? " (they fail the gate)" : " (listed; they do not fail the gate)")}";
}

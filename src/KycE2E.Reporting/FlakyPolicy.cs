namespace KycE2E.Reporting;

/// <summary>
/// The one flaky rule: a scenario that failed in an earlier pass and passed in a later one is flaky. It is always listed;
/// whether it fails the gate is a setting: it does except in the ci profile, and KYCE2E_FLAKY_FAILS=true|false decides over both.
/// A skipped scenario (its environment lacks what it needs) is never a pass; whether it fails the gate is a setting too:
/// it does not unless KYCE2E_SKIPS_FAIL=true.
/// </summary>
public sealed record FlakyPolicy(bool FlakyFails, bool SkipsFail = false)
{
    public const string Variable = "KYCE2E_FLAKY_FAILS";

    public const string SkipsVariable = "KYCE2E_SKIPS_FAIL";

    /// <summary>The outcome of a scenario across its attempts, oldest first.</summary>
    public static Outcome Of(IReadOnlyList<Outcome> attempts)
    {
        ArgumentOutOfRangeException.ThrowIfZero(attempts.Count);
        var last = attempts[^1];
        return last == Outcome.Passed && attempts.Take(attempts.Count - 1).Contains(Outcome.Failed) ? Outcome.Flaky : last;
    }

    /// <summary>The setting for a run of this profile; <paramref name="flakyFails"/> is the variable's value when it is set.</summary>
    public static FlakyPolicy For(string? profile, string? flakyFails, string? skipsFail = null) =>
        new(string.IsNullOrEmpty(flakyFails) ? profile != "ci" : Flag(Variable, flakyFails),
            !string.IsNullOrEmpty(skipsFail) && Flag(SkipsVariable, skipsFail));

    private static bool Flag(string variable, string value) =>
        bool.TryParse(value, out var flag) ? flag : throw new ArgumentException($"{variable}: true or false, not '{value}'.", nameof(value));

    /// <summary>The gate: 0 when nothing failed (flaky counts as passed unless it fails the gate; a skip only when skips fail it), 1 otherwise.</summary>
    public int ExitCode(Totals totals) => totals.Failed > 0 || (FlakyFails && totals.Flaky > 0) || (SkipsFail && totals.Skipped > 0) ? 1 : 0;

    /// <summary>The gate's line: the flaky count and whether flaky fails it; the skips and their rule when there are any.</summary>
    public string Describe(Totals totals) =>
        $"flaky scenarios: {totals.Flaky}{(FlakyFails ? " (they fail the gate)" : " (listed; they do not fail the gate)")}"
        + (totals.Skipped > 0 || SkipsFail
            ? $"; skipped scenarios: {totals.Skipped}{(SkipsFail ? " (they fail the gate)" : $" (listed; they do not fail the gate unless {SkipsVariable}=true)")}"
            : "");
}

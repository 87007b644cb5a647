using KycE2E.Automation.Identity;
using KycE2E.Automation.TestData;

namespace KycE2E.Specs.Support;

/// <summary>The scenario's person and papers, made from the scenario's seed for the sandbox's date of its user.</summary>
public sealed class ScenarioDocuments(TestDataClient testData, ScenarioUser user, ScenarioSeed seed)
{
    /// <summary>Within this much of midnight the review (minutes later) could fall on the next day: a date boundary would move under the scenario.</summary>
    private static readonly TimeSpan MidnightMargin = TimeSpan.FromMinutes(15);

    private TestIdentity? _identity;
    private DateOnly? _today;

    /// <summary>The details the user last submitted, as the retry form should show them again.</summary>
    public FormDetails? LastSubmitted { get; set; }

    /// <summary>The scenario's person: an adult with a valid document, unless a step made someone else first.</summary>
    public async Task<TestIdentity> IdentityAsync(bool idCard = true) =>
        _identity ??= TestIdentity.Adult(await TodayAsync(), idCard, seed.Value);

    /// <summary>Makes the scenario's person someone in particular (at an age or expiry boundary, say) for the user's date.</summary>
    public async Task<TestIdentity> UseAsync(Func<DateOnly, int, TestIdentity> make) =>
        _identity = make(await TodayAsync(), seed.Value);

    /// <summary>
    /// The user's date on the sandbox clock, the day her review will run on: a user close to midnight has her clock moved
    /// past it first, so a boundary of "today" and "tomorrow" cannot shift between the form and the review.
    /// </summary>
    public async Task<DateOnly> TodayAsync()
    {
        if (_today is { } known)
        {
            return known;
        }

        var now = await testData.NowAsync(user.Exists ? user.Current.UserId : null);
        var untilMidnight = now.UtcDateTime.Date.AddDays(1) - now.UtcDateTime;
        if (user.Exists && untilMidnight < MidnightMargin)
        {
            now = await testData.AdvanceClockAsync(untilMidnight + TimeSpan.FromMinutes(1), user.Current.UserId);
        }

        _today = DateOnly.FromDateTime(now.UtcDateTime);
        return _today.Value;
    }
}

using KycE2E.Automation.TestData;

namespace KycE2E.Specs.Support;

/// <summary>The user a scenario seeded; one per scenario, shared by its step classes.</summary>
public sealed class ScenarioUser
{
    private TestUser? _current;

    public TestUser Current => _current ?? throw new InvalidOperationException("No user yet: the scenario needs a Given step that seeds one.");

    public bool Exists => _current is not null;

    /// <summary>How many attempts the user had when the scenario began, as the environment recorded them, to tell whether the scenario used one.</summary>
    public int AttemptsAtStart { get; private set; }

    /// <summary>Seeds the scenario's user through the test-data API, in the scenario's language.</summary>
    public async Task SeedAsync(TestDataClient testData, ScenarioLanguage language, VerificationSeed verification)
    {
        _current = await testData.CreateUserAsync(new NewUser(language.Locale, Verification: verification));
        AttemptsAtStart = (await testData.GetVerificationAsync(_current.UserId)).Attempts.Count;
    }

    /// <summary>Moves her sandbox clock forward to <paramref name="moment"/> (or leaves it if it is there already).</summary>
    public async Task<DateTimeOffset> AdvanceClockToAsync(TestDataClient testData, DateTimeOffset moment)
    {
        var now = await testData.NowAsync(Current.UserId);
        return moment > now ? await testData.AdvanceClockAsync(moment - now, Current.UserId) : now;
    }
}

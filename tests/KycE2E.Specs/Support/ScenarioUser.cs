using KycE2E.Automation.TestData;

namespace KycE2E.Specs.Support;

/// <summary>The user a scenario seeded; one per scenario, shared by its step classes.</summary>
public sealed class ScenarioUser
{
    private TestUser? _current;

    public TestUser Current => _current ?? throw new InvalidOperationException("No user yet: the scenario needs a Given step that seeds one.");

    public bool Exists => _current is not null;

    /// <summary>How many attempts the user had when the scenario began, to tell whether the scenario used one.</summary>
    public int AttemptsAtStart { get; private set; }

    public void Set(TestUser user, int attemptsAtStart)
    {
        _current = user;
        AttemptsAtStart = attemptsAtStart;
    }
}

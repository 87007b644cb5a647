using KycE2E.Automation.Identity;

namespace KycE2E.Specs.Support;

/// <summary>The scenario's person and papers, made on first use for the sandbox's date.</summary>
public sealed class ScenarioDocuments(KycE2E.Automation.TestData.TestDataClient testData)
{
    private TestIdentity? _identity;

    public async Task<TestIdentity> IdentityAsync()
    {
        if (_identity is null)
        {
            var today = DateOnly.FromDateTime((await testData.NowAsync()).UtcDateTime);
            _identity = TestIdentity.Adult(today);
        }

        return _identity;
    }
}

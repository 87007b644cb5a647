using KycE2E.Automation.Identity;

namespace KycE2E.Specs.Support;

/// <summary>The scenario's person and papers, made on first use for the sandbox's date.</summary>
public sealed class ScenarioDocuments(KycE2E.Automation.TestData.TestDataClient testData)
{
    private TestIdentity? _identity;

    /// <summary>The details the user last submitted, as the retry form should show them again.</summary>
    public FormDetails? LastSubmitted { get; set; }

    public async Task<TestIdentity> IdentityAsync(bool idCard = true)
    {
        if (_identity is null)
        {
            var today = DateOnly.FromDateTime((await testData.NowAsync()).UtcDateTime);
            _identity = TestIdentity.Adult(today, idCard);
        }

        return _identity;
    }
}

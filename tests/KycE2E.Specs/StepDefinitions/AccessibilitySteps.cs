using FluentAssertions;
using KycE2E.Automation.Journeys;
using TechTalk.SpecFlow;

namespace KycE2E.Specs.StepDefinitions;

/// <summary>axe-core on the page shown now, on the website and in the app alike.</summary>
[Binding]
public sealed class AccessibilitySteps(IVerificationExpectations expectations)
{
    [Then(@"the page has no serious or critical accessibility problems")]
    public async Task ThenThePageIsAccessible()
    {
        var blocking = await expectations.BlockingAccessibilityProblemsAsync();
        blocking.Should().BeEmpty(string.Join("; ", blocking));
    }
}

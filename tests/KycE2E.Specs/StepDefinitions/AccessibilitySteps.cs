using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using FluentAssertions;
using Microsoft.Playwright;
using TechTalk.SpecFlow;

namespace KycE2E.Specs.StepDefinitions;

/// <summary>axe-core on the website's pages (web scenarios only: the page is the browser's).</summary>
[Binding]
public sealed class AccessibilitySteps(IPage page)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [Then(@"the page has no serious or critical accessibility problems")]
    public async Task ThenThePageIsAccessible()
    {
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        blocking.Should().BeEmpty(Describe(blocking));
    }

    private static string Describe(IEnumerable<AxeResultItem> violations) =>
        string.Join("; ", violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}"));
}

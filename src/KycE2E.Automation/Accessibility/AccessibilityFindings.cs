using Deque.AxeCore.Commons;

namespace KycE2E.Automation.Accessibility;

/// <summary>axe-core's findings that block a user of assistive technology (serious, critical), the same rule on both clients.</summary>
public static class AccessibilityFindings
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    public static IReadOnlyList<string> Blocking(AxeResult result) =>
        [.. result.Violations.Where(v => BlockingImpacts.Contains(v.Impact))
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")];
}

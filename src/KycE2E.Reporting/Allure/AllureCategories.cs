using System.Text.RegularExpressions;

namespace KycE2E.Reporting.Allure;

/// <summary>
/// categories.json: what a failure is, for the report's Categories tab, first match wins. The patterns run in Java
/// (Allure 2 matches the whole text) and in JavaScript (Allure 3 searches it), so they start and end with [\s\S]*.
/// Failures no rule matches fall into Allure's own "Product errors" (failed) and "Test errors" (broken).
/// </summary>
public static partial class AllureCategories
{
    /// <summary>The words of a scenario failed by its environment, not by the product: the suite's own messages.</summary>
    public const string EnvironmentWords = "Environment unreachable|Appium server unreachable|Remote browser unreachable|EnvironmentSetupException";

    public static readonly IReadOnlyList<AllureCategory> All =
    [
        new("Environment unreachable (the sandbox, Appium or a remote browser did not answer)", ["broken"], $@"[\s\S]*({EnvironmentWords})[\s\S]*", null),
        new("Product defects: an element the user needs did not appear", ["failed"],
            @"[\s\S]*(element\(s\) not found|Timeout \d+ms exceeded|TimeoutException|NoSuchElementException)[\s\S]*", null),
        new("Product defects: the user was shown something else (an assertion failed)", ["failed"], @"[\s\S]*(Expected|expected)[\s\S]*", null),
        new("Flaky: failed, then passed on a retry", ["passed"], null, true),
    ];

    [GeneratedRegex(EnvironmentWords)]
    public static partial Regex EnvironmentRegex();
}

/// <summary>One Allure 2 category, the form both Allure 2 and Allure 3 read.</summary>
public sealed record AllureCategory(string Name, IReadOnlyList<string> MatchedStatuses, string? MessageRegex, bool? Flaky);

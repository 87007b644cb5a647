namespace KycE2E.Specs.Support;

/// <summary>The language a scenario's user reads: the language its feature is written in.</summary>
public sealed record ScenarioLanguage(string CultureName)
{
    public string Locale => CultureName.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-CN" : "en";
}

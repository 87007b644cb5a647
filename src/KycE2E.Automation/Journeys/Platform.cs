namespace KycE2E.Automation.Journeys;

/// <summary>Where a scenario runs: the website or the phone app.</summary>
public enum Platform
{
    Web,
    Mobile,
}

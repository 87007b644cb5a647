namespace KycE2E.Sandbox.Options;

/// <summary>The review's rules that differ by place and time, configurable as Sandbox:Review:*.</summary>
public sealed class ReviewOptions
{
    public const string Section = "Sandbox:Review";

    /// <summary>Sandbox minutes between a submission and its review ("usually minutes to hours").</summary>
    public int DelayMinutes { get; set; } = 2;

    public int MinimumAge { get; set; } = 18;

    /// <summary>Regions where the exchange does not verify anyone (FINAL).</summary>
    public List<string> BlockedRegions { get; set; } = ["KP", "IR", "CU", "SY"];

    /// <summary>Document types accepted per region; "*" for every region not listed.</summary>
    public Dictionary<string, List<string>> AcceptedDocuments { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CN"] = ["id_card", "passport"],
        ["*"] = ["passport"],
    };

    public IReadOnlyList<string> AcceptedFor(string region) =>
        AcceptedDocuments.TryGetValue(region, out var list) ? list : AcceptedDocuments.TryGetValue("*", out var any) ? any : [];
}

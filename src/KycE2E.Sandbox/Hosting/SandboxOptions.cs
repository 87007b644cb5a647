namespace KycE2E.Sandbox.Hosting;

public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>Where the SQLite file (and later the uploaded images) live.</summary>
    public string DataDir { get; set; } = ".sandbox-data";

    /// <summary>Key of the test-data API; the API is off while it is empty.</summary>
    public string TestApiKey { get; set; } = "";

    public string DefaultLocale { get; set; } = "zh-CN";

    /// <summary>When set, the sandbox stops as soon as this process is gone, so an aborted test run leaves nothing behind.</summary>
    public int? ParentPid { get; set; }
}

using KycE2E.Automation.Identity;

namespace KycE2E.IntegrationTests.Sandbox;

/// <summary>
/// Tests against one real sandbox process per class, on its own data folder, beside other classes; a class whose sandbox
/// starts with <see cref="Settings"/> is [NonParallelizable], since those are environment variables every process started meanwhile would inherit.
/// </summary>
public abstract class SandboxTests
{
    protected SandboxUnderTest Sandbox { get; private set; } = null!;

    /// <summary>The sandbox's date when the class started.</summary>
    protected DateOnly Today { get; private set; }

    /// <summary>An adult with a valid ID card on <see cref="Today"/>, for tests that need any good submission.</summary>
    protected TestIdentity Adult { get; private set; } = null!;

    /// <summary>Settings the class's sandbox starts with (environment variables such as "Sandbox__LoginFailureLimit"); none by default.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    [OneTimeSetUp]
    public async Task StartSandbox()
    {
        Sandbox = await SandboxUnderTest.StartAsync(Settings);
        Today = await Sandbox.TodayAsync();
        Adult = TestIdentity.Adult(Today);
    }

    [OneTimeTearDown]
    public async Task StopSandbox() => await Sandbox.DisposeAsync();

    /// <summary>A size the full hardening run raises through an environment variable; CI keeps the smaller default.</summary>
    protected static int CountFromEnvironment(string variable, int fallback) =>
        int.TryParse(System.Environment.GetEnvironmentVariable(variable), out var count) && count > 0 ? count : fallback;
}

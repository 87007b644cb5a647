namespace KycE2E.UnitTests.Sandbox;

/// <summary>Tests against one real sandbox process per class, on its own data folder.</summary>
[NonParallelizable]
public abstract class SandboxTests
{
    protected SandboxUnderTest Sandbox { get; private set; } = null!;

    /// <summary>The sandbox's date when the class started.</summary>
    protected DateOnly Today { get; private set; }

    [OneTimeSetUp]
    public async Task StartSandbox()
    {
        Sandbox = await SandboxUnderTest.StartAsync();
        Today = await Sandbox.TodayAsync();
    }

    [OneTimeTearDown]
    public async Task StopSandbox() => await Sandbox.DisposeAsync();
}

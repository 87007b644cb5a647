using System.Security.Cryptography;
using System.Text;

namespace KycE2E.Automation.Identity;

/// <summary>
/// The seed of one scenario's random data: the run's seed and the scenario's own name (feature, title with its example
/// row, platform) together, so a replay with the same run seed makes the same people for each scenario whatever order
/// or worker it runs in.
/// </summary>
public sealed record ScenarioSeed(int Value)
{
    /// <summary>Seeds stay below this, so the seeds a person's photos derive from it (seed + 7) do not overflow.</summary>
    private const int Ceiling = int.MaxValue - 16;

    public static int RunSeed(int configured) => configured > 0 ? configured : RandomNumberGenerator.GetInt32(1, 1_000_000_000);

    public static ScenarioSeed For(int runSeed, string feature, string scenario, string platform)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{runSeed}\n{feature}\n{scenario}\n{platform}"));
        return new ScenarioSeed((int)(BitConverter.ToUInt32(hash, 0) % (Ceiling - 1)) + 1);
    }

    /// <summary>A further seed for another person of the same scenario.</summary>
    public int Derived(int index) => (int)(((long)Value + (index * 7919L)) % (Ceiling - 1)) + 1;
}

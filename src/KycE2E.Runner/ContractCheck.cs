using System.CommandLine;
using System.Diagnostics;

namespace KycE2E.Runner;

/// <summary>./e2e contract [--env NAME]: the conformance check of an environment against docs/environment-contract.md.</summary>
public sealed record ContractVerb(string Profile) : Verb;

/// <summary>
/// Runs the conformance check. The check itself is a program of its own, src/KycE2E.Contract (it drives a browser and
/// uses the suite's environment starter, which the runner must not reference): the runner checks the option and an
/// external environment's /health, builds, starts the program and hands its exit code on (0 all present, 1 something
/// missing or wrong, 2 unreachable).
/// </summary>
public sealed class ContractCheck(Suite suite)
{
    public const string Program = "KycE2E.Contract";

    /// <summary>The verb's options: --env NAME (a runsettings profile, local by default); anything else is one line and exit 2.</summary>
    public static ContractVerb Parse(IReadOnlyList<string> args, IReadOnlyList<string> profiles)
    {
        var env = new Option<string>("--env");
        var result = new Command("contract") { env }.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (result.UnmatchedTokens.Count > 0)
        {
            throw new UsageException($"contract: unknown option '{result.UnmatchedTokens[0]}' (see ./e2e help)");
        }

        if (result.Errors.Count > 0)
        {
            throw new UsageException("--env needs a profile name");
        }

        var profile = result.GetValue(env) ?? "local";
        return profiles.Contains(profile)
            ? new ContractVerb(profile)
            : throw new UsageException($"--env: no runsettings/{profile}.runsettings; use one of: {string.Join(' ', profiles)}.");
    }

    /// <summary>The check's command line: dotnet &lt;the program's dll&gt; --env NAME.</summary>
    public static IReadOnlyList<string> Arguments(Repository repository, ContractVerb verb) => [repository.Program(Program), "--env", verb.Profile];

    public async Task<int> ExecuteAsync(ContractVerb verb)
    {
        if (suite.Variable("KYCE2E_Environment__BaseUrl") is { Length: > 0 } url)
        {
            var baseUrl = url.TrimEnd('/');
            if (!Uri.TryCreate(baseUrl + "/health", UriKind.Absolute, out var health) || !await suite.Answers(health))
            {
                throw new UsageException($"environment unreachable: {baseUrl}/health did not answer within 5 s; check KYCE2E_Environment__BaseUrl, or unset it to check the run's own sandbox.");
            }
        }

        await suite.BuildAsync();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = suite.Repository.Root };
        foreach (var arg in Arguments(suite.Repository, verb))
        {
            start.ArgumentList.Add(arg);
        }

        var code = await ChildProcesses.RunAsync(start, null, suite.Interrupted);
        return suite.WasInterrupted ? ExitCodes.Interrupted : code;
    }
}

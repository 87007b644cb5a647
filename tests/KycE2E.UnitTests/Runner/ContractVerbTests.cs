using KycE2E.Runner;

namespace KycE2E.UnitTests.Runner;

/// <summary>./e2e contract's option and the program it starts; the check itself is src/KycE2E.Contract.</summary>
public sealed class ContractVerbTests
{
    private static readonly string[] Profiles = ["ci", "device-farm", "local", "staging"];

    [Test]
    public void Without_options_it_checks_the_local_profile_and_with_env_the_named_one()
    {
        CommandLine.Parse(["contract"], Profiles, cores: 2).Should().Be(new ContractVerb("local"));
        CommandLine.Parse(["contract", "--env", "staging"], Profiles, cores: 2).Should().Be(new ContractVerb("staging"));
    }

    [TestCase(new[] { "contract", "--env", "nosuch" }, "--env: no runsettings/nosuch.runsettings; use one of: ci device-farm local staging.")]
    [TestCase(new[] { "contract", "--env" }, "--env needs a profile name")]
    [TestCase(new[] { "contract", "--platform", "web" }, "contract: unknown option '--platform' (see ./e2e help)")]
    public void Bad_input_is_one_line_and_exit_code_2(string[] args, string line)
    {
        var parse = () => CommandLine.Parse(args, Profiles, cores: 2);

        parse.Should().Throw<UsageException>().Which.Should().BeEquivalentTo(new { Message = line, ExitCode = 2 });
    }

    [Test]
    public void It_starts_the_contract_program_of_the_build_with_the_profile()
    {
        var repository = new Repository("/repo", "Release");

        ContractCheck.Arguments(repository, new ContractVerb("ci")).Should().Equal(
            "/repo/src/KycE2E.Contract/bin/Release/net10.0/KycE2E.Contract.dll", "--env", "ci");
    }

    [Test]
    public async Task An_unreachable_external_environment_is_exit_code_2_before_the_build()
    {
        using var workspace = new RunnerWorkspace();
        workspace.Set("KYCE2E_Environment__BaseUrl", "http://127.0.0.1:9/");
        workspace.EnvironmentAnswers = false;
        workspace.Dotnet.BuildCode = 1;

        var check = () => new ContractCheck(workspace.Suite).ExecuteAsync(new ContractVerb("staging"));

        (await check.Should().ThrowAsync<UsageException>()).Which.Should().BeEquivalentTo(new
        {
            Message = "environment unreachable: http://127.0.0.1:9/health did not answer within 5 s; check KYCE2E_Environment__BaseUrl, or unset it to check the run's own sandbox.",
            ExitCode = 2,
        });
    }
}

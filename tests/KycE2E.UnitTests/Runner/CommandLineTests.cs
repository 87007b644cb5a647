using KycE2E.Runner;

namespace KycE2E.UnitTests.Runner;

public sealed class CommandLineTests
{
    private static readonly string[] Profiles = ["ci", "device-farm", "local", "staging"];

    private static Verb Parse(params string[] args) => CommandLine.Parse(args, Profiles, cores: 2);

    private static string ErrorOf(params string[] args)
    {
        var parse = () => Parse(args);
        return parse.Should().Throw<UsageException>().Which.Message;
    }

    [Test]
    public void Run_without_options_takes_the_defaults_of_today()
    {
        var run = Parse("run").Should().BeOfType<RunVerb>().Subject.Options;

        run.Should().BeEquivalentTo(new RunOptions(null, null, "local", 2, false, null, null, 0, null, null));
        run.Filter().Should().BeEmpty();
        run.Settings.Should().Be("runsettings/local.runsettings");
    }

    [Test]
    public void Every_run_option_is_read()
    {
        var run = ((RunVerb)Parse("run", "--tags", "@smoke and not @mobile", "--platform", "web", "--env", "ci", "--workers", "3", "--headed",
            "--device", "iPhone 14 Pro Max", "--screenshots", "every-step", "--retries", "2", "--shard", "2/3", "--seed", "123456789")).Options;

        run.Should().BeEquivalentTo(new RunOptions("@smoke and not @mobile", "web", "ci", 3, true, "iPhone 14 Pro Max", "every-step", 2, new Shard(2, 3), 123456789));
        run.Filter().Should().Be("(Category=smoke&Category!=mobile)&Category=web");
    }

    [TestCase(new[] { "run", "--env", "nosuch" }, "--env: no runsettings/nosuch.runsettings; use one of: ci device-farm local staging.")]
    [TestCase(new[] { "run", "--platform", "desktop" }, "--platform: use web or mobile, not 'desktop'.")]
    [TestCase(new[] { "run", "--workers", "0" }, "--workers: a whole number above 0, not '0'.")]
    [TestCase(new[] { "run", "--workers", "two" }, "--workers: a whole number above 0, not 'two'.")]
    [TestCase(new[] { "run", "--retries", "-1" }, "--retries: a whole number, not '-1'.")]
    [TestCase(new[] { "run", "--shard", "1-2" }, "--shard: I/N such as 1/2, not '1-2'.")]
    [TestCase(new[] { "run", "--shard", "3/2" }, "--shard 3/2: I and N are whole numbers with 1 <= I <= N")]
    [TestCase(new[] { "run", "--seed", "0" }, "--seed: a whole number from 1 to 999999999, not '0'.")]
    [TestCase(new[] { "run", "--seed", "1234567890" }, "--seed: a whole number from 1 to 999999999, not '1234567890'.")]
    [TestCase(new[] { "run", "--tags" }, "--tags needs an expression")]
    [TestCase(new[] { "run", "--tags", "not (@a or @b)" }, "--tags: 'not (...)' is not supported; write 'not @a and not @b' instead.")]
    [TestCase(new[] { "run", "--quiet" }, "run: unknown option '--quiet' (see ./e2e help)")]
    [TestCase(new[] { "run", "stray" }, "run: unknown option 'stray' (see ./e2e help)")]
    [TestCase(new[] { "test", "--fast" }, "test: unknown option '--fast' (see ./e2e help)")]
    [TestCase(new[] { "bench", "--users", "0" }, "bench: '0' is not a whole number above 0.")]
    [TestCase(new[] { "bench", "--minutes", "3" }, "bench: unknown option '--minutes' (see ./e2e help)")]
    [TestCase(new[] { "bench", "--only", "login,speed" }, "bench: --only takes workers,login,overhead,startup,load,documents,hardening, not 'speed'.")]
    [TestCase(new[] { "report" }, "report: use ./e2e report merge OUT_DIR RESULT_DIR...")]
    [TestCase(new[] { "report", "merge", "out" }, "report merge: give the output folder and at least one result folder")]
    [TestCase(new[] { "sandbox", "--port", "http" }, "sandbox: --port is a port number from 1 to 65535, not 'http'.")]
    [TestCase(new[] { "sandbox", "--host", "x" }, "sandbox: unknown option '--host'")]
    [TestCase(new[] { "show-trace" }, "show-trace needs the path of a trace.zip")]
    [TestCase(new[] { "docs" }, "docs: give --out DIR (and optionally --seed N, --on YYYY-MM-DD)")]
    public void Bad_input_is_one_line_naming_the_option_and_the_fix(string[] args, string line)
    {
        var message = ErrorOf(args);

        message.Should().Be(line);
        message.Should().NotContain("\n");
    }

    [Test]
    public void A_usage_error_is_exit_code_2() =>
        new UsageException("x").ExitCode.Should().Be(ExitCodes.Environment).And.Be(2);

    [Test]
    public void The_other_verbs_are_read_with_their_arguments()
    {
        Parse("bench", "--repeats", "1", "--users", "5", "--seconds", "10", "--tags", "@smoke").Should().Be(new BenchVerb(1, 5, 10, "@smoke"));
        Parse("bench").Should().Be(new BenchVerb(5, 50, 60, null));
        var only = Parse("bench", "--only", "startup, login");
        only.Should().Be(new BenchVerb(5, 50, 60, null, "login,startup"), "the parts keep the benchmark's own order");
        ((BenchVerb)only).Runs("login").Should().BeTrue();
        ((BenchVerb)only).Runs("workers").Should().BeFalse();
        Parse("report", "merge", "out", "a", "b").Should().BeEquivalentTo(new ReportMergeVerb("out", ["a", "b"]));
        Parse("sandbox").Should().Be(new SandboxVerb(5080));
        Parse("sandbox", "--port", "6000").Should().Be(new SandboxVerb(6000));
        Parse("show-trace", "a/trace.zip").Should().Be(new ShowTraceVerb("a/trace.zip"));
        Parse("docs", "--out", "/tmp/d", "--seed", "1").Should().BeEquivalentTo(new DocsVerb(["--out", "/tmp/d", "--seed", "1"]));
        Parse("test").Should().Be(new TestVerb(Verbose: false));
        Parse("defects").Should().BeOfType<DefectsVerb>();
    }

    [Test]
    public void Verbose_shows_every_step_on_the_console_for_run_and_test()
    {
        ((RunVerb)Parse("run")).Options.Verbose.Should().BeFalse();
        ((RunVerb)Parse("run", "--env", "ci", "--verbose")).Options.Should().BeEquivalentTo(new { Profile = "ci", Verbose = true });
        Parse("test", "--verbose").Should().Be(new TestVerb(Verbose: true));
    }

    [TestCase(new string[0], false)]
    [TestCase(new[] { "help" }, false)]
    [TestCase(new[] { "--help" }, false)]
    [TestCase(new[] { "frobnicate" }, true)]
    public void Help_is_the_usage_and_an_unknown_verb_is_the_usage_as_an_error(string[] args, bool unknown) =>
        Parse(args).Should().Be(new HelpVerb(unknown));
}

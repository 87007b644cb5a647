using System.Net;
using System.Reflection;
using System.Text;
using KycE2E.Automation.Elements;
using KycE2E.Automation.TestData;
using KycE2E.Contract;

namespace KycE2E.UnitTests.Contract;

/// <summary>
/// docs/environment-contract.md cannot drift from the code: its endpoint table names exactly the calls TestDataClient
/// makes (recorded by a handler, no socket), its element table exactly the ElementCatalogue's entries, and the
/// conformance check has a place to look for every catalogued element.
/// </summary>
public sealed class ContractDocumentTests
{
    private const string UserId = "user-under-test";

    private static readonly string Document = Path.Combine(KycE2E.Automation.Processes.RepositoryLayout.Root, "docs", "environment-contract.md");

    [Test]
    public void The_endpoint_table_names_every_call_the_test_data_client_makes_and_no_other()
    {
        var documented = Rows("| method | path |").Select(r => $"{r[0]} {r[1]}").ToList();

        documented.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(ClientCalls());
    }

    [Test]
    public void Every_call_sends_the_test_data_key()
    {
        var handler = new Recorder();
        CallEverything(new TestDataClient(new HttpClient(handler) { BaseAddress = new Uri("http://environment.test/") }, "the-key")).GetAwaiter().GetResult();

        handler.Keys.Should().HaveCount(handler.Calls.Count).And.OnlyContain(k => k == "the-key");
        File.ReadAllText(Document).Should().Contain($"**`{TestDataClient.KeyHeader}`**");
    }

    [Test]
    public void The_element_table_is_the_element_catalogue()
    {
        var documented = Rows("| name | web test id |").Select(r => (r[0], Id(r[1]), Id(r[2]), Id(r[3]))).ToList();

        documented.Should().Equal(Catalogue());

        static string? Id(string cell) => cell == "—" ? null : cell.Trim('`');
    }

    [Test]
    public void The_check_looks_for_every_catalogued_element_on_each_client_that_has_it()
    {
        var probes = ElementProbes.All();

        probes.Select(p => p.Name.Split('(')[0]).Distinct().Should().BeEquivalentTo(Catalogue().Select(c => c.Name));
        probes.Where(p => (p.WebId == null) != (p.Web == Place.None) || (p.AppId == null) != (p.App == Place.None))
            .Should().BeEmpty("an element is looked for on a client exactly when it has an id there");
        probes.Should().Contain(p => p.Name == "retry" && p.WebId == "retry-button" && p.Web == Place.StatusRetry && p.App == Place.StatusRetry);
    }

    [Test]
    public void The_document_says_which_contract_it_is_and_the_check_prints_the_same()
    {
        File.ReadAllLines(Document)[0].Should().Be($"# The environment contract — contract {ContractRun.ContractVersion}");
    }

    [Test]
    public void A_capability_is_one_line_and_only_all_present_passes()
    {
        var present = Capability.Present("outbox (GET /test-api/outbox?userId=)");
        var missing = Capability.Missing("outbox (GET /test-api/outbox?userId=)", "answered 404");
        var wrong = Capability.Wrong("test-data API key", "401 or 403", "200 and 200");

        present.Line.Should().Be("present  outbox (GET /test-api/outbox?userId=)");
        missing.Line.Should().Be("missing  outbox (GET /test-api/outbox?userId=): answered 404");
        wrong.Line.Should().Be("wrong    test-data API key (expected 401 or 403, got 200 and 200)");
        Capability.ExitCode([present, present]).Should().Be(0);
        Capability.ExitCode([present, missing]).Should().Be(1);
        Capability.ExitCode([wrong]).Should().Be(1);
    }

    /// <summary>Every entry of the catalogue: name, web id, app id, value attribute (families with their {}).</summary>
    private static List<(string Name, string? Web, string? App, string? Value)> Catalogue() =>
        [.. typeof(ElementCatalogue).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.GetValue(null) switch
        {
            Element e => (e.Name, e.Web, e.App, e.Value),
            ElementFamily g => (g.Name, g.Web, g.App, g.Value),
            var other => throw new InvalidOperationException($"ElementCatalogue.{f.Name} is a {other?.GetType().Name}"),
        })];

    /// <summary>The rows of the markdown table whose header starts so, cells trimmed (header and rule left out).</summary>
    private static List<string[]> Rows(string header)
    {
        var lines = File.ReadAllLines(Document);
        var start = Array.FindIndex(lines, l => l.StartsWith(header, StringComparison.Ordinal));
        start.Should().BeGreaterThanOrEqualTo(0, $"docs/environment-contract.md has a table starting '{header}'");
        return [.. lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|')).Select(l => l.Trim().Trim('|').Split(" | ").Select(c => c.Trim()).ToArray())];
    }

    /// <summary>"METHOD /path" of every call of every public method of the client, user ids as {userId}, queries left out.</summary>
    private static IReadOnlyCollection<string> ClientCalls()
    {
        var handler = new Recorder();
        var methods = CallEverything(new TestDataClient(new HttpClient(handler) { BaseAddress = new Uri("http://environment.test/") }, "key")).GetAwaiter().GetResult();
        typeof(TestDataClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName).Select(m => m.Name)
            .Should().BeEquivalentTo(methods, "a new call of the client is a new endpoint of the contract: call it here and document it");
        return [.. handler.Calls.Distinct()];
    }

    private static async Task<string[]> CallEverything(TestDataClient client)
    {
        await client.CreateUserAsync(new NewUser("en", Verification: new VerificationSeed("rejected", ["PHOTO_BLURRY"])));
        await client.GetVerificationAsync(UserId);
        await client.GetVerificationJsonAsync(UserId);
        await client.RunReviewsAsync(UserId);
        await client.ForceReviewAsync(UserId, "approved");
        await client.AdvanceClockAsync(TimeSpan.FromMinutes(3), UserId);
        await client.NowAsync(UserId);
        await client.NowAsync();
        await client.AddFaultAsync("upload-fail", UserId);
        await client.OutboxAsync(UserId);
        return
        [
            nameof(TestDataClient.CreateUserAsync), nameof(TestDataClient.GetVerificationAsync), nameof(TestDataClient.GetVerificationJsonAsync),
            nameof(TestDataClient.RunReviewsAsync), nameof(TestDataClient.ForceReviewAsync), nameof(TestDataClient.AdvanceClockAsync),
            nameof(TestDataClient.NowAsync), nameof(TestDataClient.AddFaultAsync), nameof(TestDataClient.OutboxAsync),
        ];
    }

    /// <summary>Answers every call as the contract says, and notes it.</summary>
    private sealed class Recorder : HttpMessageHandler
    {
        public List<string> Calls { get; } = [];

        public List<string> Keys { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath.Replace(UserId, "{userId}", StringComparison.Ordinal);
            Calls.Add($"{request.Method} {path}");
            Keys.AddRange(request.Headers.TryGetValues(TestDataClient.KeyHeader, out var keys) ? keys : ["(none)"]);
            var body = path switch
            {
                "/test-api/users" => """{"userId":"user-under-test","email":"someone@environment.test","password":"secret"}""",
                "/test-api/users/{userId}/verification" => """{"status":"rejected","reasons":["PHOTO_BLURRY"],"attemptsUsed":1,"attemptsLeft":4,"canRetry":true,"pendingTooLong":false,"highlightFields":[],"attempts":[],"now":"2026-12-01T00:00:00Z"}""",
                "/test-api/outbox" => "[]",
                _ => """{"completed":1,"now":"2026-12-01T00:00:00Z"}""",
            };
            return Task.FromResult(new HttpResponseMessage(request.Method == HttpMethod.Post && path == "/test-api/users" ? HttpStatusCode.Created : HttpStatusCode.OK)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            });
        }
    }
}

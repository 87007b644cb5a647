using KycE2E.Automation.Mobile;

namespace KycE2E.UnitTests.Automation;

public sealed class GridSessionRetryTests
{
    private const string HubError = """
        Could not start a new session. Connection error (POST http://127.0.0.1:35081/se/grid/node/session) 
        Host info: host: 'vm', ip: '127.0.0.1'
        Build info: version: '4.48.0', revision: '27f5213 27f5213055e28398a5105b7892b7a3bb2012a6ef'
        Driver info: driver.version: unknown (SessionNotCreated)
        """;

    private static string Status(params (string Uri, string Availability)[] nodes) =>
        "{\"value\": {\"ready\": true, \"nodes\": [" + string.Join(", ", nodes.Select(n => "{\"uri\": \"" + n.Uri + "\", \"availability\": \"" + n.Availability + "\", \"slots\": []}")) + "]}}";

    [Test]
    public void The_node_a_hub_could_not_reach_is_read_from_its_error_and_other_errors_are_not_retried()
    {
        AppiumSessionPool.GridNodeUnreachable(HubError).Should().Be("http://127.0.0.1:35081");
        AppiumSessionPool.GridNodeUnreachable("Could not start a new session. Response code 500. Message: session not created: Chrome failed to start").Should().BeNull();
        AppiumSessionPool.GridNodeUnreachable("Unable to execute request for an existing session: Failed to execute request (POST http://127.0.0.1:35081/session/4471/url)").Should().BeNull();
    }

    [Test]
    public void The_retry_waits_while_the_hub_still_offers_the_dead_node_as_up()
    {
        AppiumSessionPool.HubOffers(Status(("http://127.0.0.1:35081", "UP"), ("http://127.0.0.1:32935", "UP")), "http://127.0.0.1:35081").Should().BeTrue();
        AppiumSessionPool.HubOffers(Status(("http://127.0.0.1:35081", "DOWN"), ("http://127.0.0.1:32935", "UP")), "http://127.0.0.1:35081").Should().BeFalse();
        AppiumSessionPool.HubOffers(Status(("http://127.0.0.1:32935", "UP")), "http://127.0.0.1:35081").Should().BeFalse("a purged node is not offered");
        AppiumSessionPool.HubOffers("""{"value": {"ready": true, "build": {"version": "3.8.0"}}}""", "http://127.0.0.1:35081").Should().BeFalse();
    }
}

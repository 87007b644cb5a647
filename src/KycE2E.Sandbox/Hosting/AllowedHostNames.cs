namespace KycE2E.Sandbox.Hosting;

/// <summary>
/// Only requests for the configured Host names are answered (ASP.NET Core's host filtering, setting AllowedHosts, any
/// port): by default the loopback names, so a web page whose own name was re-pointed at 127.0.0.1 (DNS rebinding) reaches
/// neither the test-data API nor anything else. A sandbox exposed on a network lists the names its clients use.
/// </summary>
public static class AllowedHostNames
{
    public const string Setting = "AllowedHosts";

    public const string Loopback = "localhost;127.0.0.1;[::1]";

    public static void DefaultToLoopback(ConfigurationManager configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[Setting]))
        {
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { [Setting] = Loopback });
        }
    }

    /// <summary>Says at start which names are answered, and warns when the sandbox listens beyond loopback but answers only loopback names.</summary>
    public static void Report(ILogger log, IConfiguration configuration, IEnumerable<string> urls)
    {
        var hosts = configuration[Setting];
        log.LogInformation("Answering requests for the Host names {Hosts} (setting {Setting})", hosts, Setting);
        if (hosts == Loopback && urls.FirstOrDefault(url => !LoopbackGuard.IsLoopback(url)) is { } exposed)
        {
            log.LogWarning("Listening on {Url}, beyond loopback, but only loopback Host names are answered (400 otherwise): set {Setting}, e.g. {Setting}=\"sandbox.lan;192.168.1.20;localhost;127.0.0.1\"", exposed, Setting, Setting);
        }
    }
}

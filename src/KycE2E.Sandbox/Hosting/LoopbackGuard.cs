using System.Net;

namespace KycE2E.Sandbox.Hosting;

/// <summary>The test-data API can rewrite any account: off the loopback interface it needs a long key.</summary>
public static class LoopbackGuard
{
    public const int MinimumExposedKeyLength = 32;

    public static void Check(IEnumerable<string> urls, string testApiKey)
    {
        if (testApiKey.Length == 0 || testApiKey.Length >= MinimumExposedKeyLength)
        {
            return;
        }

        foreach (var url in urls)
        {
            if (!IsLoopback(url))
            {
                throw new InvalidOperationException(
                    $"Refusing to start: the test-data API key is shorter than {MinimumExposedKeyLength} characters and the sandbox listens on {url}, which is not loopback. Use a longer Sandbox:TestApiKey or bind to 127.0.0.1.");
            }
        }
    }

    public static bool IsLoopback(string url)
    {
        var host = url.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(host, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}

using System.Net;
using System.Text;
using KycE2E.Automation.Processes;

namespace KycE2E.IntegrationTests.Automation;

/// <summary>A one-page web server on loopback: every path answers the same small HTML page, so a browser has something real to load.</summary>
public sealed class LocalPage : IDisposable
{
    public const string Heading = "The page is alive";

    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public LocalPage()
    {
        Url = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _serving = ServeAsync();
    }

    public Uri Url { get; }

    public void Dispose()
    {
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(10));
    }

    private async Task ServeAsync()
    {
        var body = Encoding.UTF8.GetBytes($"<!doctype html><html><head><title>{Heading}</title></head><body><h1 id=\"state\">{Heading}</h1></body></html>");
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // closed
            }

            try
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.ContentLength64 = body.Length;
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
            {
                // the browser went away mid-answer (it was killed): serve the next one
            }
        }
    }
}

using System.Diagnostics;
using KycE2E.Sandbox.Options;
using Microsoft.Extensions.Options;

namespace KycE2E.Sandbox.Hosting;

/// <summary>Stops the sandbox when the test run that started it ends, however it ended.</summary>
internal sealed class ParentProcessWatch(IOptions<SandboxOptions> options, IHostApplicationLifetime lifetime, ILogger<ParentProcessWatch> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.ParentPid is not { } pid)
        {
            return;
        }

        Process parent;
        try
        {
            parent = Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            log.LogWarning("Parent process {Pid} is already gone; stopping", pid);
            lifetime.StopApplication();
            return;
        }

        using (parent)
        {
            try
            {
                await parent.WaitForExitAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        log.LogWarning("Parent process {Pid} exited; stopping", pid);
        lifetime.StopApplication();
    }
}

using System.Text.Json;
using KycE2E.Automation.Configuration;
using KycE2E.Automation.Environment;
using KycE2E.Automation.Processes;

namespace KycE2E.IntegrationTests.Sandbox;

/// <summary>
/// The sandbox serves every test-data endpoint of docs/environment-contract.md: its OpenAPI document (/openapi/v1.json,
/// Microsoft.AspNetCore.OpenApi) lists each one with its method, read from the real process.
/// </summary>
public sealed class OpenApiContractTests
{
    [Test]
    public async Task The_sandbox_OpenAPI_document_lists_every_test_data_endpoint_of_the_contract()
    {
        var dataDir = Directory.CreateTempSubdirectory("kyce2e-sandbox-").FullName;
        var (sandbox, baseUrl, _) = await SandboxProcess.StartAsync(new SuiteSettings(), dataDir);
        try
        {
            using var http = new HttpClient { BaseAddress = baseUrl };
            using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri("openapi/v1.json", UriKind.Relative)));
            var paths = document.RootElement.GetProperty("paths");
            var served = paths.EnumerateObject()
                .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
                .ToHashSet(StringComparer.Ordinal);

            var contract = ContractEndpoints();

            contract.Should().HaveCountGreaterThanOrEqualTo(8);
            served.Should().Contain(contract);
            served.Should().Contain("GET /health");
        }
        finally
        {
            await sandbox.DisposeAsync();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    /// <summary>"METHOD /path" of the endpoint table in docs/environment-contract.md.</summary>
    private static List<string> ContractEndpoints()
    {
        var lines = File.ReadAllLines(RepositoryLayout.Path("docs", "environment-contract.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith("| method | path |", StringComparison.Ordinal));
        return [.. lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|')).Select(l => l.Trim('|').Split(" | ")).Select(c => $"{c[0].Trim()} {c[1].Trim()}")];
    }
}

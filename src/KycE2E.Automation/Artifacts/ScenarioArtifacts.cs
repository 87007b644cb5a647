using System.Text;
using System.Text.RegularExpressions;

namespace KycE2E.Automation.Artifacts;

/// <summary>The folder of one scenario's evidence: artifacts/&lt;run&gt;/&lt;feature&gt;/&lt;scenario&gt;-&lt;platform&gt;/.</summary>
public sealed partial class ScenarioArtifacts
{
    private readonly List<string> _files = [];

    public ScenarioArtifacts(string runDir, string feature, string scenario, string platform)
    {
        var name = Slug(scenario);
        var suffix = "-" + platform.ToLowerInvariant();
        Directory = Path.Combine(runDir, Slug(feature), name.EndsWith(suffix, StringComparison.Ordinal) ? name : name + suffix);
    }

    public string Directory { get; }

    public IReadOnlyList<string> Files => _files;

    public string PathFor(string fileName)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, fileName);
        _files.Add(path);
        return path;
    }

    public async Task SaveAsync(string fileName, byte[] content) => await File.WriteAllBytesAsync(PathFor(fileName), content);

    /// <summary>Text evidence (page HTML, the sandbox's case) is saved with document numbers and passwords masked.</summary>
    public async Task SaveAsync(string fileName, string content) =>
        await File.WriteAllTextAsync(PathFor(fileName), Reporting.Masking.Text(content), Encoding.UTF8);

    /// <summary>A file-system-safe name that keeps Chinese letters readable.</summary>
    public static string Slug(string text)
    {
        var slug = NotWordChars().Replace(text.Trim().ToLowerInvariant(), "-").Trim('-');
        return slug.Length > 80 ? slug[..80].TrimEnd('-') : slug;
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NotWordChars();
}

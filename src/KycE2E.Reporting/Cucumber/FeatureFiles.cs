using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;

namespace KycE2E.Reporting.Cucumber;

/// <summary>A feature file as Cucumber sees it: its source, the parsed document and its pickles, or why it did not parse.</summary>
public sealed record ParsedFeature(Source Source, GherkinDocument? Document, IReadOnlyList<Pickle> Pickles, IReadOnlyList<ParseError> Errors);

/// <summary>
/// Feature files read and parsed by the official Gherkin parser (any <c># language:</c>), compiled into pickles: one per
/// scenario, one per example row of a Scenario Outline, each with the tags of its feature, scenario and Examples block.
/// </summary>
public static class FeatureFiles
{
    /// <summary>Every features/**/*.feature, named by its path from the repository root (features/retry/x.feature), in path order.</summary>
    public static IReadOnlyList<(string Uri, string Text)> Read(string featuresDir)
    {
        var root = Path.GetDirectoryName(Path.GetFullPath(featuresDir).TrimEnd(Path.DirectorySeparatorChar))!;
        return Directory.Exists(featuresDir)
            ? [.. Directory.EnumerateFiles(featuresDir, "*.feature", SearchOption.AllDirectories)
                .Select(f => (Uri: Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'), Text: File.ReadAllText(f)))
                .OrderBy(f => f.Uri, StringComparer.Ordinal)]
            : [];
    }

    public static ParsedFeature Parse(string uri, string text, IIdGenerator ids)
    {
        var source = new Source(uri, text, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN);
        try
        {
            using var reader = new StringReader(text);
            var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(new Parser().Parse(reader), uri);
            return new ParsedFeature(source, document, new PickleCompiler(ids).Compile(document), []);
        }
        catch (CompositeParserException e)
        {
            return new ParsedFeature(source, null, [], [.. e.Errors.Select(error => ErrorOf(uri, error))]);
        }
        catch (ParserException e)
        {
            return new ParsedFeature(source, null, [], [ErrorOf(uri, e)]);
        }
    }

    /// <summary>
    /// Where the features are: KYCE2E_ROOT/features when set, else the first features/ folder above one of the given
    /// folders (a run folder is artifacts/&lt;run&gt; in the repository), else under the current folder.
    /// </summary>
    public static string? Locate(IEnumerable<string> near)
    {
        if (Environment.GetEnvironmentVariable("KYCE2E_ROOT") is { Length: > 0 } root && Directory.Exists(Path.Combine(root, "features")))
        {
            return Path.Combine(root, "features");
        }

        foreach (var start in near.Append(Directory.GetCurrentDirectory()))
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                var features = Path.Combine(dir.FullName, "features");
                if (Directory.Exists(features) && Directory.EnumerateFiles(features, "*.feature", SearchOption.AllDirectories).Any())
                {
                    return features;
                }
            }
        }

        return null;
    }

    private static ParseError ErrorOf(string uri, ParserException error) =>
        new(new SourceReference(uri, null, null, error.Location is { } at ? new Location(at.Line, at.Column) : null), error.Message);
}

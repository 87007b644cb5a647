using System.Text.RegularExpressions;

namespace KycE2E.Runner;

/// <summary>SpecFlow tag expressions as dotnet test filters: tags are NUnit categories.</summary>
public static partial class TagFilter
{
    /// <summary>"@smoke and not @mobile" → "Category=smoke&amp;Category!=mobile".</summary>
    public static string From(string expression)
    {
        if (NotGroup().IsMatch(expression))
        {
            throw new UsageException("--tags: 'not (...)' is not supported; write 'not @a and not @b' instead.");
        }

        var filter = NotTag().Replace(expression, "Category!=$1");
        filter = Tag().Replace(filter, "Category=$1");
        filter = AndWord().Replace(filter, "&");
        return OrWord().Replace(filter, "|");
    }

    /// <summary>Both filters must hold; either may be empty.</summary>
    public static string And(string left, string right) =>
        left.Length == 0 ? right : right.Length == 0 ? left : $"({left})&{right}";

    [GeneratedRegex(@"not\s*\(")]
    private static partial Regex NotGroup();

    [GeneratedRegex(@"not\s+@([A-Za-z0-9_.:-]+)")]
    private static partial Regex NotTag();

    [GeneratedRegex(@"@([A-Za-z0-9_.:-]+)")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+and\s+")]
    private static partial Regex AndWord();

    [GeneratedRegex(@"\s+or\s+")]
    private static partial Regex OrWord();
}

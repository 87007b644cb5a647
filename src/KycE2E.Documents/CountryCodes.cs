using System.Collections.Frozen;

namespace KycE2E.Documents;

/// <summary>The region codes the form uses (ISO 3166 alpha-2) and the ICAO 9303 codes a passport prints.</summary>
public static class CountryCodes
{
    private static readonly FrozenDictionary<string, string> Icao = new Dictionary<string, string>
    {
        ["CN"] = "CHN",
        ["HK"] = "HKG",
        ["MO"] = "MAC",
        ["TW"] = "TWN",
        ["SG"] = "SGP",
        ["MY"] = "MYS",
        ["JP"] = "JPN",
        ["KR"] = "KOR",
        ["US"] = "USA",
        ["CA"] = "CAN",
        ["GB"] = "GBR",
        ["FR"] = "FRA",
        ["DE"] = "D",
        ["RU"] = "RUS",
        ["IN"] = "IND",
        ["AU"] = "AUS",
        ["KP"] = "PRK",
        ["IR"] = "IRN",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The ICAO code, e.g. CHN for CN; three-letter codes (such as the specimen's UTO) pass through.</summary>
    public static string IcaoCode(string regionCode)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        if (regionCode.Length == 3 && regionCode.All(char.IsAsciiLetterUpper))
        {
            return regionCode;
        }

        return Icao.TryGetValue(regionCode, out var code)
            ? code
            : throw new ArgumentException($"No ICAO code known for region '{regionCode}'.", nameof(regionCode));
    }
}

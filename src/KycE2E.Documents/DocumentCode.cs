using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KycE2E.Documents;

/// <summary>What a document's QR code carries: its type, its holder and its expiry, as compact UTF-8 JSON.</summary>
public sealed record DocumentCode(DocumentType Type, Holder Holder, DateOnly ExpiryDate)
{
    private const string DateFormat = "yyyy-MM-dd";

    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Chinese as raw UTF-8 (3 bytes a character) instead of \uXXXX keeps the code small enough for 7 px modules.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static DocumentCode Of(IdentityDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new DocumentCode(document.Type, document.Holder, document.ExpiryDate);
    }

    public string ToJson()
    {
        var payload = new Payload(
            TypeCode(Type),
            Holder.ChineseName,
            Holder.LatinName?.Surname,
            Holder.LatinName?.GivenNames,
            Holder.Sex == Sex.Male ? "M" : "F",
            Holder.DateOfBirth.ToString(DateFormat, CultureInfo.InvariantCulture),
            Holder.DocumentNumber,
            Holder.Nationality,
            Holder.Address,
            Holder.Ethnicity,
            ExpiryDate.ToString(DateFormat, CultureInfo.InvariantCulture));
        return JsonSerializer.Serialize(payload, Json);
    }

    /// <summary>Reads a code's text; null when it is not a document code of this project.</summary>
    public static DocumentCode? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            var p = JsonSerializer.Deserialize<Payload>(json, Json);
            if (p is null || p.Number is null || p.Nationality is null
                || TypeOf(p.Type) is not { } type
                || !TryDate(p.DateOfBirth, out var born) || !TryDate(p.Expiry, out var expiry)
                || p.Sex is not ("M" or "F")
                || (p.ChineseName is null && (p.Surname is null || p.GivenNames is null)))
            {
                return null;
            }

            var latin = p.Surname is not null && p.GivenNames is not null ? new LatinName(p.Surname, p.GivenNames) : null;
            var holder = new Holder(p.ChineseName, latin, p.Sex == "M" ? Sex.Male : Sex.Female, born, p.Number, p.Nationality, p.Address, p.Ethnicity);
            return new DocumentCode(type, holder, expiry);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string TypeCode(DocumentType type) => type switch
    {
        DocumentType.ChineseIdCardFront => "ID_FRONT",
        DocumentType.ChineseIdCardBack => "ID_BACK",
        DocumentType.PassportDataPage => "PASSPORT",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static DocumentType? TypeOf(string? code) => code switch
    {
        "ID_FRONT" => DocumentType.ChineseIdCardFront,
        "ID_BACK" => DocumentType.ChineseIdCardBack,
        "PASSPORT" => DocumentType.PassportDataPage,
        _ => null,
    };

    private sealed record Payload(
        [property: JsonPropertyName("t")] string? Type,
        [property: JsonPropertyName("zh")] string? ChineseName,
        [property: JsonPropertyName("sn")] string? Surname,
        [property: JsonPropertyName("gn")] string? GivenNames,
        [property: JsonPropertyName("sx")] string? Sex,
        [property: JsonPropertyName("dob")] string? DateOfBirth,
        [property: JsonPropertyName("no")] string? Number,
        [property: JsonPropertyName("nat")] string? Nationality,
        [property: JsonPropertyName("ad")] string? Address,
        [property: JsonPropertyName("eth")] string? Ethnicity,
        [property: JsonPropertyName("exp")] string? Expiry);
}

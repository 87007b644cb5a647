using System.Globalization;

namespace KycE2E.Documents;

/// <summary>The person a document belongs to, with the details printed on it and carried in its code.</summary>
/// <param name="Nationality">Region code as on the form, e.g. "CN".</param>
/// <param name="Address">住址, printed on the ID card front.</param>
/// <param name="Ethnicity">民族, printed on the ID card front, e.g. "汉".</param>
public sealed record Holder(
    string? ChineseName,
    LatinName? LatinName,
    Sex Sex,
    DateOnly DateOfBirth,
    string DocumentNumber,
    string Nationality,
    string? Address = null,
    string? Ethnicity = null)
{
    public string DisplayName => ChineseName ?? LatinName?.ToString() ?? "";

    public string MaskedDocumentNumber => Mask(DocumentNumber);

    public int AgeOn(DateOnly date)
    {
        var age = date.Year - DateOfBirth.Year;
        return DateOfBirth.AddYears(age) > date ? age - 1 : age;
    }

    /// <summary>Masks a document number for logs and reports: 1101**********002X.</summary>
    public static string Mask(string documentNumber)
    {
        ArgumentNullException.ThrowIfNull(documentNumber);
        var keep = documentNumber.Length >= 12 ? 4 : Math.Min(2, documentNumber.Length / 3);
        return string.Concat(
            documentNumber.AsSpan(0, keep),
            new string('*', documentNumber.Length - 2 * keep),
            documentNumber.AsSpan(documentNumber.Length - keep));
    }

    // Records print every field; the document number must never reach a log in clear.
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{DisplayName} ({Sex}, born {DateOfBirth:yyyy-MM-dd}, {Nationality}, document {MaskedDocumentNumber})");
}

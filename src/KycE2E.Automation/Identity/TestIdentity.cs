using System.Globalization;
using System.Security.Cryptography;
using KycE2E.Documents;

namespace KycE2E.Automation.Identity;

/// <summary>What the user types on the form.</summary>
public sealed record FormDetails(string Region, string DocumentType, string FullName, string DocumentNumber, DateOnly DateOfBirth)
{
    public string DateOfBirthText => DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Never the full number in a log or report.</summary>
    public override string ToString() => $"{FullName}, {Holder.Mask(DocumentNumber)}, born {DateOfBirthText}, {DocumentType} in {Region}";
}

/// <summary>
/// A scenario's own person and papers: a fresh holder (so no two scenarios share a document number), the document,
/// and photos of it made by real image operations.
/// </summary>
public sealed class TestIdentity
{
    private readonly int _seed;

    private TestIdentity(Holder holder, IdentityDocument document, int seed)
    {
        Holder = holder;
        Document = document;
        _seed = seed;
    }

    public Holder Holder { get; }

    public IdentityDocument Document { get; }

    public bool IsIdCard => Document.IsChineseIdCard;

    /// <summary>The details exactly as printed on the document.</summary>
    public FormDetails Details => new(
        "CN",
        IsIdCard ? "id_card" : "passport",
        Holder.ChineseName ?? Holder.LatinName!.ToString(),
        Holder.DocumentNumber,
        Holder.DateOfBirth);

    public static TestIdentity Adult(DateOnly today, bool idCard = true) => Make(today, idCard, (f, type) => f.Adult(today, type), expired: false);

    public static TestIdentity Underage(DateOnly today, bool idCard = true) => Make(today, idCard, (f, type) => f.Underage(today, type), expired: false);

    public static TestIdentity WithExpiredDocument(DateOnly today, bool idCard = true) => Make(today, idCard, (f, type) => f.Adult(today, type), expired: true);

    /// <summary>Details that differ from the document in exactly one field, as a typing mistake would.</summary>
    public FormDetails DetailsDifferingIn(HolderField field)
    {
        var other = new HolderFactory(_seed + 1).DifferingIn(Holder, field);
        return Details with
        {
            FullName = other.ChineseName ?? other.LatinName!.ToString(),
            DocumentNumber = other.DocumentNumber,
            DateOfBirth = other.DateOfBirth,
        };
    }

    public DocumentPhoto Front(PhotoVariant variant = PhotoVariant.Clear) => PhotoStudio.Photograph(Document, variant, _seed);

    public DocumentPhoto? Back(PhotoVariant variant = PhotoVariant.Clear) =>
        IsIdCard ? PhotoStudio.Photograph(Document.OtherSide(), variant, _seed + 7) : null;

    private static TestIdentity Make(DateOnly today, bool idCard, Func<HolderFactory, DocumentType, Holder> holder, bool expired)
    {
        var seed = RandomNumberGenerator.GetInt32(1, int.MaxValue - 16);
        var factory = new HolderFactory(seed);
        var type = idCard ? DocumentType.ChineseIdCardFront : DocumentType.PassportDataPage;
        var h = holder(factory, type);
        var document = expired ? factory.ExpiredDocument(h, type, today) : factory.ValidDocument(h, type, today);
        return new TestIdentity(h, document, seed);
    }
}

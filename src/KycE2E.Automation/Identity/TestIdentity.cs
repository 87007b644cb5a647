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

    /// <summary>An adult (20 to 60) with a document valid on <paramref name="today"/>; the same seed gives the same person and photos.</summary>
    public static TestIdentity Adult(DateOnly today, bool idCard = true, int? seed = null) =>
        Make(idCard, seed, (f, type) => f.Adult(today, type), (f, h, type) => f.ValidDocument(h, type, today));

    /// <summary>16 or 17 years old on <paramref name="today"/>, at least a month short of 18.</summary>
    public static TestIdentity Underage(DateOnly today, bool idCard = true, int? seed = null) =>
        Make(idCard, seed, (f, type) => f.Underage(today, type), (f, h, type) => f.ValidDocument(h, type, today));

    /// <summary>An adult whose document expired one month to a year before <paramref name="today"/>.</summary>
    public static TestIdentity WithExpiredDocument(DateOnly today, bool idCard = true, int? seed = null) =>
        Make(idCard, seed, (f, type) => f.Adult(today, type), (f, h, type) => f.ExpiredDocument(h, type, today));

    /// <summary>Someone who turns 18 <paramref name="inDays"/> days after <paramref name="today"/> (0: today, 1: tomorrow, -1: yesterday).</summary>
    public static TestIdentity TurningEighteen(DateOnly today, int inDays, bool idCard = true, int? seed = null) =>
        Make(idCard, seed, (f, type) => f.BornOn(today.AddDays(inDays).AddYears(-HolderFactory.AgeOfMajority), type), (f, h, type) => f.ValidDocument(h, type, today));

    /// <summary>An adult whose document's last valid day is <paramref name="inDays"/> days after <paramref name="today"/> (0: today, -1: yesterday).</summary>
    public static TestIdentity WithDocumentExpiring(DateOnly today, int inDays, bool idCard = true, int? seed = null) =>
        Make(idCard, seed, (f, type) => f.Adult(today, type), (_, h, type) => HolderFactory.ExpiringOn(h, type, today.AddDays(inDays)));

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

    /// <summary>Her details with one character of the name changed in its middle, first and last characters kept.</summary>
    public FormDetails DetailsWithNameChangedInTheMiddle()
    {
        var name = Details.FullName;
        if (name.Length < 3)
        {
            return Details with { FullName = $"{name[0]}小{name[1..]}" };
        }

        var middle = name.Length / 2;
        var other = "明华伟".First(c => c != name[middle]);
        return Details with { FullName = string.Concat(name.AsSpan(0, middle), other.ToString(), name.AsSpan(middle + 1)) };
    }

    /// <summary>A passport holder's name typed in pinyin with the given name first (as many forms abroad ask).</summary>
    public FormDetails DetailsWithLatinNameGivenNameFirst() => Holder.LatinName is { } latin
        ? Details with { FullName = $"{latin.GivenNames} {latin.Surname}" }
        : throw new InvalidOperationException("Only a passport carries a Latin name.");

    private static TestIdentity Make(bool idCard, int? seed, Func<HolderFactory, DocumentType, Holder> holder, Func<HolderFactory, Holder, DocumentType, IdentityDocument> document)
    {
        var actualSeed = seed ?? RandomNumberGenerator.GetInt32(1, int.MaxValue - 16);
        var factory = new HolderFactory(actualSeed);
        var type = idCard ? DocumentType.ChineseIdCardFront : DocumentType.PassportDataPage;
        var h = holder(factory, type);
        return new TestIdentity(h, document(factory, h, type), actualSeed);
    }
}

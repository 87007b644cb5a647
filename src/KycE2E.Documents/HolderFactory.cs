using System.Globalization;

namespace KycE2E.Documents;

/// <summary>A holder field that a test wants different, e.g. to make the form disagree with the document.</summary>
public enum HolderField
{
    Name,
    DocumentNumber,
    DateOfBirth,
}

/// <summary>
/// Makes believable holders and their documents for tests: Chinese residents with valid ID numbers, passport
/// holders, adults and minors on a given date, expired documents, near-twins that differ in one field.
/// The same seed gives the same people; one instance is not thread-safe.
/// </summary>
public sealed class HolderFactory(int seed)
{
    public const int AgeOfMajority = 18;
    public const string PassportAuthority = "国家移民管理局";

    private static readonly (string Chinese, string Latin)[] Surnames =
    [
        ("王", "WANG"), ("李", "LI"), ("张", "ZHANG"), ("刘", "LIU"), ("陈", "CHEN"), ("杨", "YANG"),
        ("赵", "ZHAO"), ("黄", "HUANG"), ("周", "ZHOU"), ("吴", "WU"), ("徐", "XU"), ("孙", "SUN"),
        ("胡", "HU"), ("朱", "ZHU"), ("高", "GAO"), ("林", "LIN"), ("何", "HE"), ("郭", "GUO"),
    ];

    private static readonly (string Chinese, string Latin)[] GivenNames =
    [
        ("伟", "WEI"), ("芳", "FANG"), ("娜", "NA"), ("敏", "MIN"), ("静", "JING"), ("磊", "LEI"),
        ("强", "QIANG"), ("军", "JUN"), ("洋", "YANG"), ("勇", "YONG"), ("艳", "YAN"), ("杰", "JIE"),
        ("涛", "TAO"), ("明", "MING"), ("超", "CHAO"), ("秀英", "XIUYING"), ("建华", "JIANHUA"), ("志强", "ZHIQIANG"),
        ("晓明", "XIAOMING"), ("丽娟", "LIJUAN"), ("海燕", "HAIYAN"), ("文博", "WENBO"), ("子涵", "ZIHAN"), ("雨桐", "YUTONG"),
    ];

    /// <summary>Region codes with the district they stand for and the public security bureau that issues cards there.</summary>
    private static readonly (string Code, string District, string Authority)[] Regions =
    [
        ("110105", "北京市朝阳区", "北京市公安局朝阳分局"),
        ("110102", "北京市西城区", "北京市公安局西城分局"),
        ("310104", "上海市徐汇区", "上海市公安局徐汇分局"),
        ("440305", "广东省深圳市南山区", "深圳市公安局南山分局"),
        ("330106", "浙江省杭州市西湖区", "杭州市公安局西湖分局"),
        ("510107", "四川省成都市武侯区", "成都市公安局武侯区分局"),
        ("420106", "湖北省武汉市武昌区", "武汉市公安局武昌分局"),
    ];

    private static readonly string[] Streets = ["建国路", "人民路", "中山路", "解放路", "长江路", "和平街", "光明路", "文化路"];
    private static readonly string[] Ethnicities = ["汉", "汉", "汉", "汉", "回", "满", "壮", "蒙古"];

    private readonly Random _random = new(seed);

    /// <summary>A Chinese resident with a valid ID number for that birth date and region (region codes in the table above, or any six digits).</summary>
    public Holder ChineseResident(DateOnly dateOfBirth, string regionCode = "110105", Sex? sex = null)
    {
        var actualSex = sex ?? (_random.Next(2) == 0 ? Sex.Female : Sex.Male);
        var (surname, given) = PickName();
        var region = Regions.FirstOrDefault(r => r.Code == regionCode);
        var district = region.District ?? "北京市朝阳区";
        var address = string.Create(CultureInfo.InvariantCulture, $"{district}{Pick(Streets)}{_random.Next(1, 300)}号");
        return new Holder(
            surname.Chinese + given.Chinese,
            null,
            actualSex,
            dateOfBirth,
            ChineseIdNumber.Create(regionCode, dateOfBirth, Sequence(actualSex)),
            "CN",
            address,
            Pick(Ethnicities));
    }

    /// <summary>A Chinese citizen holding a passport: Chinese and pinyin name, passport number E + 8 digits.</summary>
    public Holder PassportHolder(DateOnly dateOfBirth, Sex? sex = null)
    {
        var actualSex = sex ?? (_random.Next(2) == 0 ? Sex.Female : Sex.Male);
        var (surname, given) = PickName();
        return new Holder(
            surname.Chinese + given.Chinese,
            new LatinName(surname.Latin, given.Latin),
            actualSex,
            dateOfBirth,
            PassportNumber(),
            "CN");
    }

    /// <summary>A holder for that kind of document, born on that day (for an age at its boundary).</summary>
    public Holder BornOn(DateOnly dateOfBirth, DocumentType type) => For(type, dateOfBirth);

    /// <summary>A document that expires on that day: valid through it, expired the day after.</summary>
    public static IdentityDocument ExpiringOn(Holder holder, DocumentType type, DateOnly expires) =>
        Document(holder, type, expires.AddYears(-10), expires);

    /// <summary>A holder for that kind of document, aged 20 to 60 on <paramref name="on"/>.</summary>
    public Holder Adult(DateOnly on, DocumentType type) => For(type, BornYearsBefore(on, 20, 60));

    /// <summary>A holder aged 16 or 17 on <paramref name="on"/>: at least a month short of 18.</summary>
    public Holder Underage(DateOnly on, DocumentType type)
    {
        var latest = on.AddYears(-16);
        var earliest = on.AddYears(-AgeOfMajority).AddDays(31);
        return For(type, earliest.AddDays(_random.Next(latest.DayNumber - earliest.DayNumber + 1)));
    }

    /// <summary>A document valid on <paramref name="on"/>: issued one to four years before (not before birth), valid ten years.</summary>
    public IdentityDocument ValidDocument(Holder holder, DocumentType type, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var issued = on.AddDays(-_random.Next(365, 4 * 365));
        issued = issued < holder.DateOfBirth ? holder.DateOfBirth : issued;
        return Document(holder, type, issued, issued.AddYears(10));
    }

    /// <summary>A document that expired one month to a year before <paramref name="on"/>.</summary>
    public IdentityDocument ExpiredDocument(Holder holder, DocumentType type, DateOnly on)
    {
        var expired = on.AddDays(-_random.Next(30, 366));
        return Document(holder, type, expired.AddYears(-10), expired);
    }

    /// <summary>The same holder with exactly one field changed; the changed ID number stays valid and keeps birth date and sex.</summary>
    public Holder DifferingIn(Holder holder, HolderField field)
    {
        ArgumentNullException.ThrowIfNull(holder);
        return field switch
        {
            HolderField.Name => WithOtherName(holder),
            HolderField.DocumentNumber => holder with { DocumentNumber = OtherNumber(holder) },
            HolderField.DateOfBirth => holder with { DateOfBirth = holder.DateOfBirth.AddDays(_random.Next(1, 29) * (_random.Next(2) == 0 ? -1 : 1)) },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
        };
    }

    private Holder For(DocumentType type, DateOnly born) =>
        type == DocumentType.PassportDataPage ? PassportHolder(born) : ChineseResident(born, Pick(Regions).Code);

    private static IdentityDocument Document(Holder holder, DocumentType type, DateOnly issued, DateOnly expires)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var authority = type == DocumentType.PassportDataPage
            ? PassportAuthority
            : Regions.FirstOrDefault(r => holder.DocumentNumber.StartsWith(r.Code, StringComparison.Ordinal)).Authority ?? "北京市公安局朝阳分局";
        return new IdentityDocument(type, holder, issued, expires, authority);
    }

    private DateOnly BornYearsBefore(DateOnly on, int youngest, int oldest)
    {
        var latest = on.AddYears(-youngest);
        var earliest = on.AddYears(-oldest);
        return earliest.AddDays(_random.Next(latest.DayNumber - earliest.DayNumber + 1));
    }

    private ((string Chinese, string Latin) Surname, (string Chinese, string Latin) Given) PickName() =>
        (Pick(Surnames), Pick(GivenNames));

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    /// <summary>Registration order whose last digit is odd for men, even for women.</summary>
    private int Sequence(Sex sex) => _random.Next(0, 500) * 2 + (sex == Sex.Male ? 1 : 0);

    private string PassportNumber() => string.Create(CultureInfo.InvariantCulture, $"E{_random.Next(10_000_000, 100_000_000)}");

    /// <summary>Another given name, in both scripts, so a Chinese and a pinyin name change together.</summary>
    private Holder WithOtherName(Holder holder)
    {
        var current = GivenNames
            .Where(g => holder.ChineseName?.EndsWith(g.Chinese, StringComparison.Ordinal) == true || holder.LatinName?.GivenNames == g.Latin)
            .OrderByDescending(g => g.Chinese.Length)
            .FirstOrDefault();
        (string Chinese, string Latin) other;
        do
        {
            other = Pick(GivenNames);
        }
        while (other.Chinese == current.Chinese || other.Latin == current.Latin || other.Latin == holder.LatinName?.GivenNames);

        var surname = holder.ChineseName is null ? null
            : current.Chinese is not null && holder.ChineseName.Length > current.Chinese.Length ? holder.ChineseName[..^current.Chinese.Length]
            : holder.ChineseName[..1];
        return holder with
        {
            ChineseName = surname is null ? null : surname + other.Chinese,
            LatinName = holder.LatinName is null ? null : holder.LatinName with { GivenNames = other.Latin },
        };
    }

    private string OtherNumber(Holder holder)
    {
        var check = ChineseIdNumber.Validate(holder.DocumentNumber);
        if (check.IsValid)
        {
            var sequence = int.Parse(holder.DocumentNumber.AsSpan(14, 3), CultureInfo.InvariantCulture);
            var other = (sequence + 2 * _random.Next(1, 499)) % 1000;
            return ChineseIdNumber.Create(holder.DocumentNumber[..6], check.BirthDate!.Value, other);
        }

        string number;
        do
        {
            number = PassportNumber();
        }
        while (number == holder.DocumentNumber);
        return number;
    }
}

using System.Buffers;
using System.Globalization;
using System.Text;

namespace KycE2E.Documents;

/// <summary>The two lines of a passport's machine-readable zone (ICAO 9303 TD3), 44 characters each.</summary>
public sealed record MrzLines(string Line1, string Line2);

/// <summary>A part of a TD3 MRZ that failed its check.</summary>
public enum MrzField
{
    Format,
    DocumentNumber,
    BirthDate,
    ExpiryDate,
    PersonalNumber,
    Composite,
}

public sealed record MrzCheck(IReadOnlyList<MrzField> Failed)
{
    public bool IsValid => Failed.Count == 0;
}

/// <summary>ICAO 9303 TD3 machine-readable zone: check digits (weights 7-3-1), building and validating the two lines.</summary>
public static class Mrz
{
    public const int LineLength = 44;

    private static readonly int[] Weights = [7, 3, 1];
    private static readonly SearchValues<char> MrzCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<");

    /// <summary>Check digit of a field: digits count as themselves, A–Z as 10–35, the filler &lt; as 0.</summary>
    public static int CheckDigit(ReadOnlySpan<char> field)
    {
        var sum = 0;
        for (var i = 0; i < field.Length; i++)
        {
            sum += ValueOf(field[i]) * Weights[i % 3];
        }

        return sum % 10;
    }

    public static MrzLines Build(IdentityDocument passport)
    {
        ArgumentNullException.ThrowIfNull(passport);
        var holder = passport.Holder;
        var name = holder.LatinName ?? throw new ArgumentException("A passport needs the holder's name in Latin script.", nameof(passport));
        var nationality = CountryCodes.IcaoCode(holder.Nationality);

        var line1 = Pad($"P<{Pad(nationality, 3)}{Field(name.Surname)}<<{Field(name.GivenNames)}", LineLength);

        var number = Field(holder.DocumentNumber);
        if (number.Length > 9)
        {
            throw new ArgumentException("A TD3 document number has at most 9 characters.", nameof(passport));
        }

        number = Pad(number, 9);

        var born = holder.DateOfBirth.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var expires = passport.ExpiryDate.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var personal = new string('<', 14);
        var numberPart = number + Digit(number);
        var bornPart = born + Digit(born);
        var expiresPart = expires + Digit(expires);
        var personalPart = personal + '<';
        var composite = Digit(numberPart + bornPart + expiresPart + personalPart);
        var line2 = $"{numberPart}{Pad(nationality, 3)}{bornPart}{(holder.Sex == Sex.Male ? 'M' : 'F')}{expiresPart}{personalPart}{composite}";
        return new MrzLines(line1, line2);
    }

    public static MrzCheck Validate(string line1, string line2)
    {
        ArgumentNullException.ThrowIfNull(line1);
        var failed = Validate(line2).Failed.ToList();
        if (line1.Length != LineLength || line1[0] != 'P' || !IsMrzText(line1))
        {
            if (!failed.Contains(MrzField.Format))
            {
                failed.Insert(0, MrzField.Format);
            }
        }

        return new MrzCheck(failed);
    }

    /// <summary>Checks the second line alone: it holds every check digit.</summary>
    public static MrzCheck Validate(string line2)
    {
        ArgumentNullException.ThrowIfNull(line2);
        if (line2.Length != LineLength || !IsMrzText(line2))
        {
            return new MrzCheck([MrzField.Format]);
        }

        var failed = new List<MrzField>();
        if (!Holds(line2, 0, 9))
        {
            failed.Add(MrzField.DocumentNumber);
        }

        if (!IsDate(line2.AsSpan(13, 6)) || !Holds(line2, 13, 6))
        {
            failed.Add(MrzField.BirthDate);
        }

        if (!IsDate(line2.AsSpan(21, 6)) || !Holds(line2, 21, 6))
        {
            failed.Add(MrzField.ExpiryDate);
        }

        // An empty personal number may carry < instead of 0 as its check digit.
        var personalEmpty = !line2.AsSpan(28, 14).ContainsAnyExcept('<') && line2[42] is '<' or '0';
        if (!personalEmpty && !Holds(line2, 28, 14))
        {
            failed.Add(MrzField.PersonalNumber);
        }

        var composite = string.Concat(line2.AsSpan(0, 10), line2.AsSpan(13, 7), line2.AsSpan(21, 22));
        if (line2[43] != Digit(composite))
        {
            failed.Add(MrzField.Composite);
        }

        return new MrzCheck(failed);
    }

    private static bool Holds(string line, int start, int length) => line[start + length] == Digit(line.AsSpan(start, length));

    private static char Digit(ReadOnlySpan<char> field) => (char)('0' + CheckDigit(field));

    private static bool IsDate(ReadOnlySpan<char> yymmdd) =>
        DateOnly.TryParseExact(yymmdd, "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsMrzText(string line) => !line.AsSpan().ContainsAnyExcept(MrzCharacters);

    private static int ValueOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        '<' => 0,
        _ => throw new ArgumentException($"'{c}' is not an MRZ character."),
    };

    /// <summary>Upper case A–Z and digits; spaces, hyphens and apostrophes become the filler.</summary>
    private static string Field(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToUpperInvariant())
        {
            if (char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))
            {
                builder.Append(c);
            }
            else if (c is ' ' or '-' or '\'')
            {
                builder.Append('<');
            }
        }

        return builder.ToString();
    }

    // Names longer than the line are cut, as ICAO 9303 allows.
    private static string Pad(string text, int length) => text.Length >= length ? text[..length] : text.PadRight(length, '<');
}

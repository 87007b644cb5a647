using System.Globalization;

namespace KycE2E.Documents;

/// <summary>The GB 11643-1999 rule a resident ID number broke, in the order they are checked.</summary>
public enum ChineseIdNumberRule
{
    Length,
    Characters,
    RegionPrefix,
    BirthDate,
    CheckCharacter,
}

/// <summary>Outcome of checking a resident ID number; birth date and sex are known once the birth date rule passed.</summary>
public sealed record ChineseIdNumberCheck(ChineseIdNumberRule? FailedRule, DateOnly? BirthDate, Sex? Sex)
{
    public bool IsValid => FailedRule is null;
}

/// <summary>Chinese resident ID numbers (公民身份号码, GB 11643-1999): region, birth date, sequence, ISO 7064 MOD 11-2 check character.</summary>
public static class ChineseIdNumber
{
    public const int Length = 18;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";
    private const int EarliestBirthYear = 1800;

    public static ChineseIdNumberCheck Validate(string? number)
    {
        if (number is null || number.Length != Length)
        {
            return new(ChineseIdNumberRule.Length, null, null);
        }

        if (number.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9') || !(char.IsAsciiDigit(number[17]) || number[17] is 'X' or 'x'))
        {
            return new(ChineseIdNumberRule.Characters, null, null);
        }

        if (number[0] is < '1' or > '8')
        {
            return new(ChineseIdNumberRule.RegionPrefix, null, null);
        }

        if (!DateOnly.TryParseExact(number.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born)
            || born.Year < EarliestBirthYear)
        {
            return new(ChineseIdNumberRule.BirthDate, null, null);
        }

        var sex = (number[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;
        var failed = CheckCharacter(number.AsSpan(0, 17)) == char.ToUpperInvariant(number[17]) ? (ChineseIdNumberRule?)null : ChineseIdNumberRule.CheckCharacter;
        return new(failed, born, sex);
    }

    /// <summary>The 18th character for the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17Digits)
    {
        if (first17Digits.Length != 17 || first17Digits.ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException("Seventeen digits expected.", nameof(first17Digits));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17Digits[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>A valid number; the sequence's last digit is odd for men and even for women.</summary>
    /// <param name="regionCode">Six digits, the first 1–8, e.g. "110105".</param>
    /// <param name="sequence">0–999: order of registration on that day in that region.</param>
    public static string Create(string regionCode, DateOnly birthDate, int sequence)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        if (regionCode.Length != 6 || regionCode.AsSpan().ContainsAnyExceptInRange('0', '9') || regionCode[0] is < '1' or > '8')
        {
            throw new ArgumentException("Six digits, the first from 1 to 8, expected.", nameof(regionCode));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 999);
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{regionCode}{birthDate:yyyyMMdd}{sequence:000}");
        return first17 + CheckCharacter(first17);
    }
}

using System.Text.RegularExpressions;

namespace KycE2E.Reporting;

/// <summary>PII and secrets never reach a log or a report in clear: document numbers masked, keys and passwords replaced.</summary>
public static partial class Masking
{
    /// <summary>1101**********002X: the first and last four of an ID number, passport numbers alike.</summary>
    public static string Text(string? text, IEnumerable<string>? secrets = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var masked = IdNumber().Replace(text, m => m.Value[..4] + new string('*', m.Value.Length - 8) + m.Value[^4..]);
        masked = PassportNumber().Replace(masked, m => m.Value[..2] + new string('*', m.Value.Length - 4) + m.Value[^2..]);
        foreach (var secret in secrets ?? [])
        {
            if (secret.Length >= 6)
            {
                masked = masked.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return SandboxPassword().Replace(masked, "Sbx-***");
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-8]\d{16}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"(?<![0-9A-Za-z])E\d{8}(?![0-9A-Za-z])")]
    private static partial Regex PassportNumber();

    [GeneratedRegex(@"Sbx-[0-9a-f]{12}")]
    private static partial Regex SandboxPassword();
}

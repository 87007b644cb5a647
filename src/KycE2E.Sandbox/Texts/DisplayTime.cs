using System.Globalization;

namespace KycE2E.Sandbox.Texts;

/// <summary>
/// A time as every client shows it to the user: in China Standard Time (UTC+8, a fixed offset with no daylight saving),
/// where the guide's users are, with the zone named, e.g. "2026-11-27 20:30 UTC+8". The app's displayTime does the same.
/// </summary>
public static class DisplayTime
{
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public static string Format(DateTimeOffset t) =>
        t.ToOffset(ChinaStandardTime).ToString("yyyy-MM-dd HH:mm 'UTC+8'", CultureInfo.InvariantCulture);
}

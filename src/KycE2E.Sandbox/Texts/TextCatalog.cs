using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace KycE2E.Sandbox.Texts;

/// <summary>Every text a user sees, in zh-CN and en, read from the embedded texts.*.json resource files.</summary>
public sealed class TextCatalog
{
    public static readonly IReadOnlyList<string> Locales = ["zh-CN", "en"];

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byLocale;

    public TextCatalog(Defects.SandboxDefects defects)
    {
        var assembly = typeof(TextCatalog).Assembly;
        var loaded = Locales.ToDictionary(
            l => l,
            l =>
            {
                using var stream = assembly.GetManifestResourceStream($"KycE2E.Sandbox.Texts.texts.{l}.json")
                    ?? throw new InvalidOperationException($"texts.{l}.json is not embedded");
                return JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
            });
        Spoil(loaded, defects);
        _byLocale = loaded.ToFrozenDictionary(l => l.Key, l => l.Value.ToFrozenDictionary(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Deliberate defects of the text files themselves, as a bad merge or a lost translation would leave them.</summary>
    private static void Spoil(Dictionary<string, Dictionary<string, string>> texts, Defects.SandboxDefects defects)
    {
        if (defects.Has("reason-messages-swapped-glare-obscured"))
        {
            foreach (var t in texts.Values)
            {
                (t["reason.PHOTO_GLARE"], t["reason.PHOTO_OBSCURED"]) = (t["reason.PHOTO_OBSCURED"], t["reason.PHOTO_GLARE"]);
            }
        }

        if (defects.Has("zh-expired-message-in-english"))
        {
            texts["zh-CN"]["reason.DOCUMENT_EXPIRED"] = texts["en"]["reason.DOCUMENT_EXPIRED"];
        }
    }

    public static string Normalize(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return "";
        }

        var l = locale.Trim();
        if (l.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
        {
            return "zh-CN";
        }

        return l.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "";
    }

    public IReadOnlyDictionary<string, string> All(string locale) => _byLocale[Normalize(locale) is { Length: > 0 } l ? l : "zh-CN"];

    public string Get(string locale, string key, params object[] args)
    {
        var texts = All(locale);
        if (!texts.TryGetValue(key, out var text))
        {
            throw new KeyNotFoundException($"No text '{key}' for {locale}");
        }

        return args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
    }
}

namespace KycE2E.Automation.Journeys;

/// <summary>
/// The words the guide promises the user will see, per language. The suite keeps its own copy, so a label
/// that changes in the product is caught instead of followed.
/// </summary>
public sealed record GuideVocabulary(
    string Locale,
    IReadOnlyDictionary<string, string> Statuses,
    string Retry,
    string ContactSupport,
    string PersonalCenter,
    string IdentityVerification,
    IReadOnlyDictionary<string, string> ReasonKeywords,
    string UploadFailed,
    string Submit)
{
    public static readonly GuideVocabulary Chinese = new(
        "zh-CN",
        new Dictionary<string, string>
        {
            ["not_started"] = "未认证",
            ["pending"] = "审核中",
            ["approved"] = "已认证",
            ["rejected"] = "认证失败",
        },
        "重试",
        "联系客服",
        "个人中心",
        "身份认证",
        new Dictionary<string, string>
        {
            ["PHOTO_BLURRY"] = "模糊",
            ["PHOTO_GLARE"] = "反光",
            ["PHOTO_OBSCURED"] = "遮挡",
            ["PHOTO_LOW_QUALITY"] = "质量",
            ["DOCUMENT_UNREADABLE"] = "无法识别",
            ["BACK_SIDE_MISSING"] = "背面",
            ["NAME_MISMATCH"] = "姓名",
            ["ID_NUMBER_MISMATCH"] = "证件号码",
            ["DOB_MISMATCH"] = "出生日期",
            ["DOCUMENT_EXPIRED"] = "过期",
            ["DOCUMENT_NOT_ACCEPTED"] = "不接受",
            ["UNDERAGE"] = "18",
            ["REGION_NOT_SUPPORTED"] = "不支持",
            ["DUPLICATE_IDENTITY"] = "其他账户",
            ["ATTEMPTS_EXCEEDED"] = "次数过多",
        },
        "上传失败",
        "提交");

    public static readonly GuideVocabulary English = new(
        "en",
        new Dictionary<string, string>
        {
            ["not_started"] = "Not verified",
            ["pending"] = "Under review",
            ["approved"] = "Verified",
            ["rejected"] = "Verification failed",
        },
        "Retry",
        "Contact support",
        "Personal center",
        "Identity verification",
        new Dictionary<string, string>
        {
            ["PHOTO_BLURRY"] = "blurry",
            ["PHOTO_GLARE"] = "glare",
            ["PHOTO_OBSCURED"] = "covered",
            ["PHOTO_LOW_QUALITY"] = "quality",
            ["DOCUMENT_UNREADABLE"] = "could not be read",
            ["BACK_SIDE_MISSING"] = "back of the ID card",
            ["NAME_MISMATCH"] = "name",
            ["ID_NUMBER_MISMATCH"] = "document number",
            ["DOB_MISMATCH"] = "date of birth",
            ["DOCUMENT_EXPIRED"] = "expired",
            ["DOCUMENT_NOT_ACCEPTED"] = "not accepted",
            ["UNDERAGE"] = "18",
            ["REGION_NOT_SUPPORTED"] = "not available",
            ["DUPLICATE_IDENTITY"] = "another account",
            ["ATTEMPTS_EXCEEDED"] = "Too many attempts",
        },
        "Upload failed",
        "Submit");

    public static GuideVocabulary For(string locale) =>
        locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English
        : locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese
        : throw new ArgumentException($"No vocabulary for locale '{locale}': use zh-CN or en.", nameof(locale));

    public string Status(string status) => Statuses.TryGetValue(status, out var label)
        ? label
        : throw new ArgumentException($"Unknown status '{status}'.", nameof(status));
}

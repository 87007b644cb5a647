using System.Globalization;

namespace KycE2E.Automation.Journeys;

/// <summary>
/// The words the guide promises the user will see, per language, word for word. The suite keeps its own copy, so a
/// text that changes in the product (a message swapped between two reasons, a label that gains a word) is caught
/// instead of followed.
/// </summary>
public sealed record GuideVocabulary(
    string Locale,
    IReadOnlyDictionary<string, string> Statuses,
    string Retry,
    string ContactSupport,
    string PersonalCenter,
    string IdentityVerification,
    IReadOnlyDictionary<string, string> ReasonMessages,
    string UploadFailed,
    string Submit,
    UserMessages Messages)
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
            ["PHOTO_BLURRY"] = "照片模糊，请在光线充足处重新拍摄清晰的证件照片。",
            ["PHOTO_GLARE"] = "照片反光，请避开强光重新拍摄。",
            ["PHOTO_OBSCURED"] = "证件被遮挡或不完整，请确保证件四角完整可见。",
            ["PHOTO_LOW_QUALITY"] = "照片质量过低，请上传彩色原件照片，不要使用复印件或截图。",
            ["DOCUMENT_UNREADABLE"] = "无法识别证件信息，请上传清晰的证件照片。",
            ["BACK_SIDE_MISSING"] = "缺少身份证背面照片。",
            ["NAME_MISMATCH"] = "姓名与证件不一致。",
            ["ID_NUMBER_MISMATCH"] = "证件号码与证件不一致。",
            ["DOB_MISMATCH"] = "出生日期与证件不一致。",
            ["DOCUMENT_EXPIRED"] = "证件已过期。",
            ["DOCUMENT_NOT_ACCEPTED"] = "您所在的国家或地区不接受该证件类型。",
            ["UNDERAGE"] = "未满18周岁，无法完成认证。",
            ["REGION_NOT_SUPPORTED"] = "您所在的国家或地区暂不支持认证。",
            ["DUPLICATE_IDENTITY"] = "该证件已在其他账户完成认证。",
            ["ATTEMPTS_EXCEEDED"] = "尝试次数过多，请稍后再试。",
        },
        "上传失败，请检查网络后重试。",
        "提交",
        new UserMessages(
            AttemptsLeft: "剩余尝试次数：{0}",
            ExpectedBy: "预计审核完成时间：{0}",
            PendingNote: "资料已提交，请耐心等待审核，通常需要几分钟到几个小时。",
            PendingTooLong: "审核时间较长，如仍未收到结果，请联系客服。",
            LockedUntil: "尝试次数过多，{0} 后可重新认证。",
            RefusedUntil: "尝试次数过多，请于 {0} 后重试。",
            FinalNote: "该认证无法重试，如有疑问请联系客服。",
            NotificationSubject: "身份认证结果",
            NotificationApproved: "您的身份认证已通过。",
            NotificationRejected: "您的身份认证未通过：",
            FormErrors: new Dictionary<string, string>
            {
                ["required"] = "此项为必填项",
                ["id_number_check"] = "身份证号码校验位不正确，请检查后重新输入",
                ["dob_not_in_id_number"] = "出生日期与身份证号码不一致",
            }));

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
            ["PHOTO_BLURRY"] = "The photo is blurry. Take a sharp photo of your document in good light.",
            ["PHOTO_GLARE"] = "The photo has glare. Retake it away from strong light.",
            ["PHOTO_OBSCURED"] = "The document is covered or cut off. Make sure all four corners are visible.",
            ["PHOTO_LOW_QUALITY"] = "The photo quality is too low. Upload a colour photo of the original, not a copy or a screenshot.",
            ["DOCUMENT_UNREADABLE"] = "The document could not be read. Upload a sharp photo of it.",
            ["BACK_SIDE_MISSING"] = "The back of the ID card is missing.",
            ["NAME_MISMATCH"] = "The name does not match the document.",
            ["ID_NUMBER_MISMATCH"] = "The document number does not match the document.",
            ["DOB_MISMATCH"] = "The date of birth does not match the document.",
            ["DOCUMENT_EXPIRED"] = "The document has expired.",
            ["DOCUMENT_NOT_ACCEPTED"] = "This document type is not accepted for your country or region.",
            ["UNDERAGE"] = "You must be 18 or older to verify your identity.",
            ["REGION_NOT_SUPPORTED"] = "Verification is not available in your country or region yet.",
            ["DUPLICATE_IDENTITY"] = "This document is already verified on another account.",
            ["ATTEMPTS_EXCEEDED"] = "Too many attempts. Try again later.",
        },
        "Upload failed. Check your network and retry.",
        "Submit",
        new UserMessages(
            AttemptsLeft: "Attempts left: {0}",
            ExpectedBy: "Expected review by: {0}",
            PendingNote: "Your details were submitted. Please wait for the review: usually a few minutes to a few hours.",
            PendingTooLong: "The review is taking long. If you still have no result, contact support.",
            LockedUntil: "Too many attempts. You can retry after {0}.",
            RefusedUntil: "Too many attempts. Retry after {0}.",
            FinalNote: "This verification cannot be retried. Contact support if you have questions.",
            NotificationSubject: "Identity verification result",
            NotificationApproved: "Your identity verification was approved.",
            NotificationRejected: "Your identity verification failed:",
            FormErrors: new Dictionary<string, string>
            {
                ["required"] = "This field is required",
                ["id_number_check"] = "The ID number's check character is wrong: check the number",
                ["dob_not_in_id_number"] = "The date of birth does not match the ID number",
            }));

    public static GuideVocabulary For(string locale) =>
        locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English
        : locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese
        : throw new ArgumentException($"No vocabulary for locale '{locale}': use zh-CN or en.", nameof(locale));

    /// <summary>The other of the two languages, for checking that a page says the same in both.</summary>
    public GuideVocabulary Other => Locale == "en" ? Chinese : English;

    public string Status(string status) => Statuses.TryGetValue(status, out var label)
        ? label
        : throw new ArgumentException($"Unknown status '{status}'.", nameof(status));

    public string Reason(RejectionReason reason) => ReasonMessages[reason.Code];

    public string FormError(string code) => Messages.FormErrors.TryGetValue(code, out var text)
        ? text
        : throw new ArgumentException($"No expected message for the form error '{code}'.", nameof(code));

    public string AttemptsLeft(int count) => Fill(Messages.AttemptsLeft, count.ToString(CultureInfo.InvariantCulture));

    public string ExpectedBy(DateTimeOffset at) => Fill(Messages.ExpectedBy, DisplayTime.Format(at));

    public string LockedUntil(DateTimeOffset at) => Fill(Messages.LockedUntil, DisplayTime.Format(at));

    public string RefusedUntil(DateTimeOffset at) => Fill(Messages.RefusedUntil, DisplayTime.Format(at));

    /// <summary>The e-mail a review result sends: the result's sentence, and for a rejection each reason's message after it.</summary>
    public string Notification(string status, IReadOnlyList<RejectionReason> reasons) => status == "approved"
        ? Messages.NotificationApproved
        : string.Join(" ", [Messages.NotificationRejected, .. reasons.Select(Reason)]);

    private static string Fill(string template, string value) => template.Replace("{0}", value, StringComparison.Ordinal);
}

/// <summary>The sentences the status page, the form and the e-mail say, with {0} where a value goes.</summary>
public sealed record UserMessages(
    string AttemptsLeft,
    string ExpectedBy,
    string PendingNote,
    string PendingTooLong,
    string LockedUntil,
    string RefusedUntil,
    string FinalNote,
    string NotificationSubject,
    string NotificationApproved,
    string NotificationRejected,
    IReadOnlyDictionary<string, string> FormErrors);

/// <summary>
/// How both clients show a date and time: in China Standard Time, where the guide's users are, with the zone named,
/// to the minute. The suite's own copy of the rule, so a time shown in another zone or format is caught.
/// </summary>
public static class DisplayTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static string Format(DateTimeOffset at) =>
        at.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm 'UTC+8'", CultureInfo.InvariantCulture);
}

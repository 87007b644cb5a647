using KycE2E.Automation.Journeys;
using KycE2E.Automation.TestData;
using KycE2E.Specs.Support;
using TechTalk.SpecFlow;

namespace KycE2E.Specs.StepDefinitions;

/// <summary>The guide's own words (zh-CN features); the quoted labels are what the user must see.</summary>
[Binding]
public sealed class GuideStepsInChinese(
    ScenarioUser user,
    ScenarioLanguage language,
    ScenarioDocuments documents,
    TestDataClient testData,
    IVerificationActions actions,
    IVerificationExpectations expectations,
    RetryActions retry)
{
    private static readonly GuideVocabulary Words = GuideVocabulary.Chinese;

    [Given(@"用户的身份认证因照片模糊而失败")]
    public async Task GivenRejectedForABlurryPhoto() =>
        await user.SeedAsync(testData, language, new VerificationSeed("rejected", [RejectionReason.PhotoBlurry.Code]));

    [When(@"她登录")]
    public async Task WhenSheLogsIn() => await actions.LogInAsync(user.Current);

    [When(@"她点击个人中心，再点击身份认证")]
    public async Task WhenSheOpensIdentityVerification() => await actions.OpenIdentityVerificationAsync();

    [Then(@"她看到认证状态为""([^""]+)""")]
    public async Task ThenSheSeesTheStatus(string label) => await expectations.ExpectStatusAsync(StatusOf(label));

    [Then(@"页面提供""([^""]+)""按钮")]
    public async Task ThenRetryIsOffered(string label)
    {
        Expect(label, Words.Retry);
        await expectations.ExpectRetryOfferedAsync();
    }

    [When(@"她点击""([^""]+)""")]
    public async Task WhenSheTaps(string label)
    {
        Expect(label, Words.Retry);
        await actions.RetryAsync();
    }

    [When(@"她按身份证重新填写姓名和证件号码")]
    public async Task WhenSheEntersHerDetails() => await retry.EnterAsync((await documents.IdentityAsync()).Details);

    [When(@"她上传清晰、无反光、无遮挡的身份证正反面照片")]
    public async Task WhenSheUploadsSharpPhotos()
    {
        var identity = await documents.IdentityAsync();
        await actions.ChoosePhotosAsync(identity.Front(), identity.Back());
    }

    [When(@"她核对信息后点击""提交""")]
    public async Task WhenSheChecksAndSubmits() => await actions.CheckAndSubmitAsync();

    [Then(@"她看到认证状态为""([^""]+)""，并看到预计审核时间")]
    public async Task ThenSheIsAskedToWait(string label)
    {
        Expect(StatusOf(label), "pending");
        await retry.ExpectPendingAsync();
    }

    [When(@"审核完成")]
    public async Task WhenTheReviewCompletes() => await retry.ReviewHasRunAsync();

    private static string StatusOf(string label) =>
        Words.Statuses.FirstOrDefault(s => s.Value == label).Key
        ?? throw new ArgumentException($"'{label}' is not a status the guide names: {string.Join("、", Words.Statuses.Values)}.", nameof(label));

    private static void Expect(string written, string expected)
    {
        if (written != expected)
        {
            throw new ArgumentException($"The feature says '{written}' where the guide's label is '{expected}'.", nameof(written));
        }
    }
}

using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;
using OpenQA.Selenium.Support.UI;

namespace KycE2E.Automation.Mobile;

/// <summary>How a phone user acts: a finger's tap on an element brought into view, typing, and waits on what the screen shows.</summary>
public sealed class Touch(IWebDriver driver, TimeSpan timeout, AppLocators locators)
{
    /// <summary>How often a wait looks at the screen again.</summary>
    public static readonly TimeSpan PollingInterval = TimeSpan.FromMilliseconds(50);

    public By By(AppElement element) => locators.For(element);

    public IReadOnlyList<IWebElement> All(ISearchContext context, AppElement element) => context.FindElements(By(element));

    public IWebElement Find(AppElement element) =>
        Until(d => All(d, element).FirstOrDefault(e => e.Displayed), $"{element} to be shown");

    public void Tap(AppElement element)
    {
        var target = Find(element);
        ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].scrollIntoView({block: 'center'});", target);
        var finger = new PointerInputDevice(PointerKind.Touch, "finger");
        var tap = new ActionSequence(finger);
        tap.AddAction(finger.CreatePointerMove(target, 0, 0, TimeSpan.Zero));
        tap.AddAction(finger.CreatePointerDown(MouseButton.Touch));
        tap.AddAction(finger.CreatePointerUp(MouseButton.Touch));
        ((IActionExecutor)driver).PerformActions([tap]);
    }

    public void Type(AppElement element, string text)
    {
        var field = Find(element);
        field.Clear();
        field.SendKeys(text);
    }

    /// <summary>Waits until the element is shown reading exactly this text (white space folded, as a reader sees it).</summary>
    public void ExpectText(AppElement element, string text) =>
        Until(d => All(d, element).FirstOrDefault(e => e.Displayed && Folded(e.Text) == Folded(text)), $"{element} reading exactly '{text}'");

    /// <summary>Waits until no instance of the element is on the screen.</summary>
    public void ExpectAbsent(AppElement element) =>
        Until(d => All(d, element).Count == 0, $"no {element}");

    /// <summary>Text as a reader sees it: runs of white space as one space, none at the ends.</summary>
    public static string Folded(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Waits until some shown instance of the element has the attribute's value.</summary>
    public void ExpectAttribute(AppElement element, string attribute, Func<string, bool> value, string expectation) =>
        Until(d => All(d, element).Any(e => value(e.GetAttribute(attribute) ?? "")), $"{element} with {expectation}");

    public T Until<T>(Func<IWebDriver, T?> condition, string expectation)
        where T : class => Wait(expectation).Until(d => condition(d))!;

    public void Until(Func<IWebDriver, bool> condition, string expectation) => Wait(expectation).Until(condition);

    private WebDriverWait Wait(string expectation)
    {
        // Selenium's default is to look again every 500 ms; a phone screen changes faster than that.
        var wait = new WebDriverWait(driver, timeout) { Message = $"Waited {timeout.TotalSeconds:0} s for {expectation}", PollingInterval = PollingInterval };
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        return wait;
    }
}

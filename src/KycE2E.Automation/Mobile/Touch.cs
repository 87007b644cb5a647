using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;
using OpenQA.Selenium.Support.UI;

namespace KycE2E.Automation.Mobile;

/// <summary>How a phone user acts: a finger's tap on an element brought into view, and waits on what the screen shows.</summary>
public sealed class Touch(IWebDriver driver, TimeSpan timeout)
{
    public IWebElement Find(By locator, string what) =>
        Until(d => d.FindElements(locator).FirstOrDefault(e => e.Displayed), $"{what} to be shown");

    public void Tap(By locator, string what)
    {
        var element = Find(locator, what);
        ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].scrollIntoView({block: 'center'});", element);
        var finger = new PointerInputDevice(PointerKind.Touch, "finger");
        var tap = new ActionSequence(finger);
        tap.AddAction(finger.CreatePointerMove(element, 0, 0, TimeSpan.Zero));
        tap.AddAction(finger.CreatePointerDown(MouseButton.Touch));
        tap.AddAction(finger.CreatePointerUp(MouseButton.Touch));
        ((IActionExecutor)driver).PerformActions([tap]);
    }

    public void Type(By locator, string what, string text)
    {
        var field = Find(locator, what);
        field.Clear();
        field.SendKeys(text);
    }

    public T Until<T>(Func<IWebDriver, T?> condition, string expectation)
        where T : class => Wait(expectation).Until(d => condition(d))!;

    public void Until(Func<IWebDriver, bool> condition, string expectation) => Wait(expectation).Until(condition);

    private WebDriverWait Wait(string expectation)
    {
        var wait = new WebDriverWait(driver, timeout) { Message = $"Waited {timeout.TotalSeconds:0} s for {expectation}" };
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        return wait;
    }
}

namespace KycE2E.Automation.Processes;

/// <summary>The environment (sandbox, browser, Appium) could not be reached or set up; its message says which and how to fix it.</summary>
public sealed class EnvironmentSetupException : Exception
{
    public EnvironmentSetupException(string message) : base(message)
    {
    }

    public EnvironmentSetupException(string message, Exception inner) : base(message, inner)
    {
    }

    public EnvironmentSetupException()
    {
    }
}

namespace KycE2E.Automation.Processes;

/// <summary>Where the checkout is, found from the running assembly: the folder that holds KycE2E.sln.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "KycE2E.sln")))
            {
                return dir.FullName;
            }
        }

        throw new EnvironmentSetupException($"KycE2E.sln was not found above {AppContext.BaseDirectory}: run the suite from its checkout.");
    }
}

namespace KycE2E.UnitTests.Reporting;

/// <summary>The temporary result folders a test makes, each under the system's temp folder; all removed at its end.</summary>
internal sealed class TempFolders(string prefix)
{
    private readonly List<string> _dirs = [];

    public string New()
    {
        var dir = Directory.CreateTempSubdirectory(prefix).FullName;
        _dirs.Add(dir);
        return dir;
    }

    public void RemoveAll()
    {
        _dirs.ForEach(d => Directory.Delete(d, recursive: true));
        _dirs.Clear();
    }
}

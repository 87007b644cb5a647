using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using KycE2E.Sandbox.Hosting;

namespace KycE2E.Sandbox.Data;

/// <summary>Uploaded photos, under the data folder by generated names: nothing the client sends becomes a path.</summary>
public sealed class ImageStore
{
    private readonly string _dir;

    public ImageStore(IOptions<SandboxOptions> options)
    {
        _dir = Path.Combine(Path.GetFullPath(options.Value.DataDir), "images");
        Directory.CreateDirectory(_dir);
    }

    public string Save(ReadOnlySpan<byte> content, string extension)
    {
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + extension;
        var path = Path.Combine(_dir, name);
        var temp = path + ".part";
        File.WriteAllBytes(temp, content.ToArray());
        File.Move(temp, path); // a crash never leaves half an image under its final name
        return name;
    }

    public byte[]? Read(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        var path = Path.Combine(_dir, name);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }
}

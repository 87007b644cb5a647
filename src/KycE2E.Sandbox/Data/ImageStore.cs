using System.Security.Cryptography;
using KycE2E.Sandbox.Options;
using Microsoft.Extensions.Options;

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
        if (!IsOwnName(name))
        {
            return null;
        }

        var path = Path.Combine(_dir, name);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    /// <summary>A stored photo's size, read from its header alone; null when there is no such photo or it is not an image.</summary>
    public (int Width, int Height)? Dimensions(string? name)
    {
        if (!IsOwnName(name) || !File.Exists(Path.Combine(_dir, name)))
        {
            return null;
        }

        using var codec = SkiaSharp.SKCodec.Create(Path.Combine(_dir, name));
        return codec is null ? null : (codec.Info.Width, codec.Info.Height);
    }

    /// <summary>Removes a photo that no attempt will refer to (its submission was not recorded).</summary>
    public void Delete(string? name)
    {
        if (IsOwnName(name))
        {
            File.Delete(Path.Combine(_dir, name));
        }
    }

    /// <summary>
    /// At start, before any request: removes what a crash left behind, i.e. half-written photos (".part") and photos whose
    /// submission was never recorded because the process died between writing them and committing the attempt.
    /// Returns how many files were removed.
    /// </summary>
    public int RemoveUnreferenced(IReadOnlySet<string> referenced)
    {
        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(_dir))
        {
            if (!referenced.Contains(Path.GetFileName(path)))
            {
                File.Delete(path);
                removed++;
            }
        }

        return removed;
    }

    private static bool IsOwnName([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? name) =>
        !string.IsNullOrEmpty(name) && !name.Contains('/', StringComparison.Ordinal) && !name.Contains('\\', StringComparison.Ordinal) && !name.Contains("..", StringComparison.Ordinal);
}

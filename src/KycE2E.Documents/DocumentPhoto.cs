namespace KycE2E.Documents;

/// <summary>A phone-style photo of a document, encoded and ready to upload.</summary>
public sealed record DocumentPhoto(IdentityDocument Document, PhotoVariant Variant, int Seed, PhotoFormat Format, int Width, int Height, ReadOnlyMemory<byte> Bytes)
{
    public string MediaType => Format == PhotoFormat.Jpeg ? "image/jpeg" : "image/png";

    public string FileExtension => Format == PhotoFormat.Jpeg ? ".jpg" : ".png";

    public override string ToString() => $"{Variant} photo of {Document.Type} for {Document.Holder} ({Width}×{Height}, {Bytes.Length} bytes)";
}

namespace KycE2E.Documents;

/// <summary>One document (or one side of an ID card) as issued to its holder.</summary>
public sealed record IdentityDocument(
    DocumentType Type,
    Holder Holder,
    DateOnly IssueDate,
    DateOnly ExpiryDate,
    string IssuingAuthority)
{
    public bool IsExpiredOn(DateOnly date) => ExpiryDate < date;

    public bool IsChineseIdCard => Type is DocumentType.ChineseIdCardFront or DocumentType.ChineseIdCardBack;

    /// <summary>The same card seen from its other side; a passport page has only one.</summary>
    public IdentityDocument OtherSide() => Type switch
    {
        DocumentType.ChineseIdCardFront => this with { Type = DocumentType.ChineseIdCardBack },
        DocumentType.ChineseIdCardBack => this with { Type = DocumentType.ChineseIdCardFront },
        _ => throw new InvalidOperationException("A passport data page has no other side."),
    };
}

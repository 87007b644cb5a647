namespace KycE2E.Documents;

/// <summary>What was photographed: one side of a Chinese resident ID card, or a passport's data page.</summary>
public enum DocumentType
{
    ChineseIdCardFront,
    ChineseIdCardBack,
    PassportDataPage,
}

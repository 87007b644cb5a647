namespace KycE2E.Documents;

/// <summary>
/// The four corner markers every document carries: a dark square with a light square inside, half its size
/// (1:2:1 across), unlike a QR finder pattern (1:1:3:1:1 with a dark centre), so neither is taken for the other.
/// </summary>
public static class CornerMarkers
{
    /// <summary>Marker side as a share of the document's width.</summary>
    public const float SizeShare = 0.062f;

    /// <summary>Gap between the document's edge and a marker, as a share of the document's width.</summary>
    public const float InsetShare = 0.026f;

    /// <summary>Share of the marker's side taken by the light inner square.</summary>
    public const float InnerShare = 0.5f;

    /// <summary>Cells across the grid a candidate is sampled on.</summary>
    internal const int Grid = 8;

    /// <summary>Whether the sampling cell (column, row) of an 8×8 grid over a marker is dark.</summary>
    internal static bool IsDarkCell(int column, int row) =>
        column is < 2 or >= 6 || row is < 2 or >= 6;
}

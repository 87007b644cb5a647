namespace KycE2E.Documents;

/// <summary>A name in Latin script, split the way a passport prints it (and its MRZ needs it).</summary>
public sealed record LatinName(string Surname, string GivenNames)
{
    public override string ToString() => $"{Surname} {GivenNames}";
}

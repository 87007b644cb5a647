namespace KycE2E.Documents;

public enum Sex
{
    Female,
    Male,
}

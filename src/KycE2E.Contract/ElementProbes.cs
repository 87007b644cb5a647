using System.Reflection;
using KycE2E.Automation.Elements;

namespace KycE2E.Contract;

/// <summary>Where an element is shown: the page (web) or screen (app) and the state of the user's case that shows it.</summary>
public enum Place
{
    None,
    Login,
    Home,
    Profile,
    PersonalCenter,
    StatusRetry,
    StatusFinal,
    StatusPending,
    StatusPendingTooLong,
    StatusLocked,
    Form,
    FormErrors,
    FormPhotos,
    FormCheck,
    FormUploadFailed,
    FormRefused,
}

/// <summary>One catalogued element (a family's member included) and where each client must show it.</summary>
public sealed record ElementProbe(string Name, string? WebId, string? AppId, bool Prefix, Place Web, Place App);

/// <summary>
/// Every element of <see cref="ElementCatalogue"/>, read from it (so a new entry is checked, or stops the check until it
/// has a place here), with where the conformance check looks for it.
/// </summary>
public static class ElementProbes
{
    /// <summary>The members of each family that the check looks for.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Members = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["field"] = ["region", "documentType", "fullName", "documentNumber", "dateOfBirth", "frontImage", "backImage"],
        ["field group"] = ["region", "documentType", "fullName", "documentNumber", "dateOfBirth", "frontImage", "backImage"],
        ["field error"] = ["fullName", "frontImage", "backImage"],
        ["preview"] = ["frontImage", "backImage"],
        ["checked value"] = ["region", "documentType", "fullName", "documentNumber", "dateOfBirth"],
    };

    /// <summary>The web place and the app place of each element (a family by its name): where the suite finds it.</summary>
    private static readonly Dictionary<string, (Place Web, Place App)> Places = new(StringComparer.Ordinal)
    {
        ["login e-mail"] = (Place.Login, Place.Login),
        ["login password"] = (Place.Login, Place.Login),
        ["login submit"] = (Place.Login, Place.Login),
        ["avatar"] = (Place.Home, Place.None),
        ["menu personal center"] = (Place.Home, Place.None),
        ["back"] = (Place.None, Place.PersonalCenter),
        ["profile tab"] = (Place.None, Place.Profile),
        ["profile personal center"] = (Place.None, Place.Profile),
        ["personal center title"] = (Place.PersonalCenter, Place.None),
        ["identity verification"] = (Place.PersonalCenter, Place.PersonalCenter),
        ["status"] = (Place.StatusRetry, Place.StatusRetry),
        ["rejection reason"] = (Place.StatusRetry, Place.StatusRetry),
        ["attempts left"] = (Place.StatusRetry, Place.StatusRetry),
        ["retry"] = (Place.StatusRetry, Place.StatusRetry),
        ["final note"] = (Place.StatusFinal, Place.StatusFinal),
        ["contact support"] = (Place.StatusFinal, Place.StatusFinal),
        ["expected review time"] = (Place.StatusPending, Place.StatusPending),
        ["pending note"] = (Place.StatusPending, Place.StatusPending),
        ["pending too long"] = (Place.StatusPendingTooLong, Place.StatusPendingTooLong),
        ["locked until"] = (Place.StatusLocked, Place.StatusLocked),
        ["verification form"] = (Place.Form, Place.Form),
        ["form next"] = (Place.Form, Place.Form),
        // The portal renders its check step, upload error and refusal hidden in the form; the app only once they apply.
        ["form check step"] = (Place.Form, Place.FormCheck),
        ["form submit"] = (Place.Form, Place.FormCheck),
        ["form edit"] = (Place.None, Place.FormCheck),
        ["upload error"] = (Place.Form, Place.FormUploadFailed),
        ["form refusal"] = (Place.Form, Place.FormRefused),
        ["any field error"] = (Place.None, Place.FormErrors),
        ["field"] = (Place.Form, Place.Form),
        ["field group"] = (Place.Form, Place.Form),
        ["field error"] = (Place.Form, Place.FormErrors),
        ["preview"] = (Place.Form, Place.FormPhotos),
        ["checked value"] = (Place.Form, Place.FormCheck),
    };

    /// <summary>Every catalogued element, families by their members, in the catalogue's order.</summary>
    public static IReadOnlyList<ElementProbe> All()
    {
        var probes = new List<ElementProbe>();
        foreach (var field in typeof(ElementCatalogue).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            switch (field.GetValue(null))
            {
                case Element e:
                    probes.Add(Probe(e, e.Name));
                    break;
                case ElementFamily f:
                    var members = Members.TryGetValue(f.Name, out var m) ? m : throw new InvalidOperationException($"The family '{f.Name}' has no members to check in ElementProbes.Members.");
                    probes.AddRange(members.Select(member => Probe(f.For(member), f.Name)));
                    break;
            }
        }

        return probes;
    }

    /// <summary>How the contract and the output name a place.</summary>
    public static string Describe(Place place) => place switch
    {
        Place.Login => "the log-in page",
        Place.Home => "the home page after log-in",
        Place.Profile => "the profile tab",
        Place.PersonalCenter => "the personal center",
        Place.StatusRetry => "the status of a case rejected with RETRY",
        Place.StatusFinal => "the status of a case rejected with FINAL",
        Place.StatusPending => "the status of a pending case",
        Place.StatusPendingTooLong => "the status of a case pending over a day",
        Place.StatusLocked => "the status of a case locked by the attempt limit",
        Place.Form => "the verification form",
        Place.FormErrors => "the form after Next with fields empty",
        Place.FormPhotos => "the form with photos chosen",
        Place.FormCheck => "the form's check step",
        Place.FormUploadFailed => "the check step after a failed upload",
        Place.FormRefused => "the check step after a refused submission",
        _ => "nowhere",
    };

    private static ElementProbe Probe(Element e, string placeKey) =>
        Places.TryGetValue(placeKey, out var place)
            ? new ElementProbe(e.Name, e.Web, e.App, e.Prefix, e.Web is null ? Place.None : place.Web, e.App is null ? Place.None : place.App)
            : throw new InvalidOperationException($"The element '{placeKey}' has no place to be checked in ElementProbes.");
}

namespace KycE2E.Documents;

/// <summary>How a document photo is spoiled (or not); each is made by a real image operation in <see cref="PhotoStudio"/>.</summary>
public enum PhotoVariant
{
    /// <summary>Sharp, complete, in colour, big enough: passes every quality check.</summary>
    Clear,

    /// <summary>Gaussian blur of 0.75 QR module (σ 5.25 px on an ID card): too soft, and the code no longer decodes.</summary>
    Blurry,

    /// <summary>A specular white spot over the printed details.</summary>
    Glare,

    /// <summary>A finger over one corner marker and part of the details.</summary>
    Obscured,

    /// <summary>One corner of the document cut off, marker and all.</summary>
    Cropped,

    /// <summary>A black-and-white copy of the document instead of the original.</summary>
    Greyscale,

    /// <summary>The whole photo shrunk below the minimum size.</summary>
    LowResolution,
}

public enum PhotoFormat
{
    Jpeg,
    Png,
}

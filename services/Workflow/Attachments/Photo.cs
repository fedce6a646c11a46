using Platform.BuildingBlocks.Domain;
using SkiaSharp;

namespace Platform.Workflow.Attachments;

/// <summary>The image formats a photo may come in, told apart by their first bytes (never by a file name or a header the client sets).</summary>
public enum PhotoFormat
{
    Jpeg,
    Png,
    Webp,
}

/// <summary>A photo as it is kept: re-encoded without its metadata (EXIF, GPS, camera), upright, and with a thumbnail.</summary>
public sealed record Photo(PhotoFormat Format, byte[] Content, int Width, int Height, byte[] Thumbnail, string Sha256)
{
    public string ContentType => MediaTypeOf(Format);

    public static string MediaTypeOf(PhotoFormat format) =>
        format switch
        {
            PhotoFormat.Png => "image/png",
            PhotoFormat.Webp => "image/webp",
            _ => "image/jpeg",
        };

    /// <summary>
    /// Checks and re-encodes an uploaded image. The format is read from the content's signature; the pixel count is
    /// checked from the header before anything is decoded (a small file can claim a huge image); decoding and
    /// re-encoding drop every metadata block, after the EXIF orientation has been applied to the pixels.
    /// </summary>
    public static Result<Photo> From(ReadOnlySpan<byte> upload, PhotoLimits limits)
    {
        if (upload.Length == 0)
        {
            return DomainError.Invalid("body", "photo-required", "The request's body is the photo itself (JPEG, PNG or WebP); it was empty.");
        }

        if (upload.Length > limits.MaxBytes)
        {
            return new DomainError(
                "photo-too-large",
                $"A photo is at most {limits.MaxBytes / 1024 / 1024} MB; this one is {upload.Length / 1024 / 1024.0:F1} MB.",
                ErrorKind.TooLarge,
                "body"
            );
        }

        if (Sniff(upload) is not { } format)
        {
            return new DomainError(
                "unsupported-photo-format",
                "Only JPEG, PNG and WebP photos are taken; the content is none of them, whatever its name or type says.",
                ErrorKind.UnsupportedContent,
                "body"
            );
        }

        using var codec = SKCodec.Create(new SKMemoryStream(upload.ToArray()));
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return Unreadable();
        }

        if ((long)codec.Info.Width * codec.Info.Height > limits.MaxPixels)
        {
            return new DomainError(
                "photo-too-large",
                $"A photo is at most {limits.MaxPixels / 1_000_000} megapixels; this one is {codec.Info.Width}×{codec.Info.Height}.",
                ErrorKind.TooLarge,
                "body"
            );
        }

        using var decoded = new SKBitmap(codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul));
        var read = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (read is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return Unreadable();
        }

        using var upright = Orient(decoded, codec.EncodedOrigin);
        using var kept = Fit(upright, limits.MaxSide);
        var content = Encode(kept, format, limits.Quality);
        using var small = Fit(kept, limits.ThumbnailSide);
        var thumbnail = Encode(Flatten(small), PhotoFormat.Jpeg, limits.ThumbnailQuality);
        return new Photo(format, content, kept.Width, kept.Height, thumbnail, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)));
    }

    /// <summary>The format by its signature: JPEG FF D8 FF, PNG's eight bytes, WebP's RIFF…WEBP.</summary>
    public static PhotoFormat? Sniff(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? PhotoFormat.Jpeg
        : content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? PhotoFormat.Png
        : content.Length >= 12 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8) ? PhotoFormat.Webp
        : null;

    private static DomainError Unreadable() =>
        DomainError.Invalid("body", "unreadable-photo", "The photo could not be read: the file is damaged or cut short.");

    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
        {
            return source.Copy();
        }

        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = swaps ? (source.Height, source.Width) : (source.Width, source.Height);
        var turned = new SKBitmap(new SKImageInfo(w, h, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(turned);
        // Each EXIF origin names where the stored first row and column belong; the matrix maps stored pixels to upright ones.
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, w, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, w, -1, 0, h, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, h, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        canvas.SetMatrix(matrix);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default);
        return turned;
    }

    private static SKBitmap Fit(SKBitmap source, int maxSide)
    {
        var longest = Math.Max(source.Width, source.Height);
        if (longest <= maxSide)
        {
            return source.Copy();
        }

        var scale = (double)maxSide / longest;
        var info = new SKImageInfo(
            Math.Max(1, (int)Math.Round(source.Width * scale)),
            Math.Max(1, (int)Math.Round(source.Height * scale)),
            source.ColorType,
            source.AlphaType
        );
        return source.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
    }

    /// <summary>A thumbnail is a JPEG: transparent areas become white instead of black.</summary>
    private static SKBitmap Flatten(SKBitmap source)
    {
        var flat = new SKBitmap(new SKImageInfo(source.Width, source.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(flat);
        canvas.Clear(SKColors.White);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default);
        return flat;
    }

    private static byte[] Encode(SKBitmap bitmap, PhotoFormat format, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        var encoded = format switch
        {
            PhotoFormat.Png => SKEncodedImageFormat.Png,
            PhotoFormat.Webp => SKEncodedImageFormat.Webp,
            _ => SKEncodedImageFormat.Jpeg,
        };
        using var data = image.Encode(encoded, quality);
        return data.ToArray();
    }
}

/// <summary>Photo limits (<c>Platform:Workflow:Photos</c>).</summary>
public sealed class PhotoLimits
{
    /// <summary>An upload larger than this is refused before it is read to the end.</summary>
    public int MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Checked from the header before decoding, against images that decompress to gigabytes.</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>A larger photo is scaled down to this longest side when kept.</summary>
    public int MaxSide { get; set; } = 2560;

    public int Quality { get; set; } = 85;

    public int ThumbnailSide { get; set; } = 320;

    public int ThumbnailQuality { get; set; } = 75;

    /// <summary>A photo uploaded before its report and never attached is deleted after this long.</summary>
    public TimeSpan PendingLifetime { get; set; } = TimeSpan.FromHours(24);
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;
using Platform.Workflow.Attachments;
using Platform.Workflow.Cases;
using SkiaSharp;

namespace Platform.Workflow.Tests;

public class PhotoTests(WorkflowServiceFactory service) : CaseTest(service)
{
    private const string Secret = "GPS 31.2304N 121.4737E Xiaomi 14";

    [Fact]
    public async Task A_phone_photo_is_kept_upright_without_its_metadata_and_with_a_thumbnail_and_is_seen_with_its_case()
    {
        await GridAsync(0);
        var resident = Resident with { Subject = Guid.NewGuid().ToString() };
        // A phone holds the camera sideways: 40×20 pixels, red on the left, with EXIF "turn 90° clockwise" and where it was taken.
        var upload = await UploadAsync(resident, WithExif(TwoColours(40, 20), orientation: 6, Secret), "application/octet-stream");

        Assert.Equal("image/jpeg", upload.ContentType);
        Assert.Equal((20, 40), (upload.Width, upload.Height));
        Assert.Null(upload.CaseId);

        var reported = await ReportAsync(
            resident,
            new
            {
                category = "garbage",
                description = "楼下垃圾",
                latitude = Inside(0).Latitude,
                longitude = Inside(0).Longitude,
                photoIds = new[] { upload.Id },
            }
        );

        var photos = await As(Operator).GetFromJsonAsync<List<PhotoResponse>>($"/api/workflow/cases/{reported.Id}/photos");
        var photo = Assert.Single(photos!);
        Assert.Equal((upload.Id, CaseState.Reported), (photo.Id, photo.Stage));

        var kept = await As(Operator).GetAsync(photo.Url);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal("image/jpeg", kept.Content.Headers.ContentType?.MediaType);
        var bytes = await kept.Content.ReadAsByteArrayAsync();
        var text = Encoding.Latin1.GetString(bytes);
        Assert.DoesNotContain("Exif", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        using (var image = SKBitmap.Decode(bytes))
        {
            Assert.Equal((20, 40), (image.Width, image.Height));
            Assert.True(image.GetPixel(10, 5).Red > 200 && image.GetPixel(10, 5).Blue < 60, "the left of the sideways photo is now its top");
            Assert.True(image.GetPixel(10, 35).Blue > 200 && image.GetPixel(10, 35).Red < 60, "the right of the sideways photo is now its bottom");
        }

        var thumbnail = await As(resident).GetAsync(photo.ThumbnailUrl);
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Contains("private", thumbnail.Headers.CacheControl?.ToString());
        using (var small = SKBitmap.Decode(await thumbnail.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal((20, 40), (small.Width, small.Height));
        }

        // Another resident sees neither the case's photos nor the photo itself.
        var stranger = Resident with { Subject = Guid.NewGuid().ToString() };
        await (await As(stranger).GetAsync(photo.Url)).AssertProblemAsync(HttpStatusCode.NotFound, "photo-not-found");
        await (await As(stranger).GetAsync($"/api/workflow/cases/{reported.Id}/photos")).AssertProblemAsync(HttpStatusCode.NotFound, "case-not-found");
    }

    [Fact]
    public async Task A_large_photo_is_scaled_down_and_a_thumbnail_is_at_most_320_pixels_a_side()
    {
        var upload = await UploadAsync(Resident, Encode(TwoColours(3000, 1500), SKEncodedImageFormat.Png), "image/png");

        Assert.Equal("image/png", upload.ContentType);
        Assert.Equal((2560, 1280), (upload.Width, upload.Height));
        using var small = SKBitmap.Decode(await (await As(Resident).GetAsync(upload.ThumbnailUrl)).Content.ReadAsByteArrayAsync());
        Assert.Equal((320, 160), (small.Width, small.Height));
    }

    [Fact]
    public async Task What_is_not_a_photo_is_refused_by_its_content_whatever_its_type_says()
    {
        var text = new ByteArrayContent(Encoding.UTF8.GetBytes("<svg onload=alert(1)>"));
        text.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        await (await As(Resident).PostAsync("/api/workflow/photos", text)).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-photo-format");

        await (await As(Resident).PostAsync("/api/workflow/photos", Image([]))).AssertProblemAsync(HttpStatusCode.BadRequest, "photo-required");

        var cut = Encode(TwoColours(200, 100), SKEncodedImageFormat.Jpeg)[..40];
        await (await As(Resident).PostAsync("/api/workflow/photos", Image(cut))).AssertProblemAsync(HttpStatusCode.BadRequest, "unreadable-photo");

        var tooBig = new byte[10 * 1024 * 1024 + 1];
        Encode(TwoColours(20, 20), SKEncodedImageFormat.Jpeg).CopyTo(tooBig, 0);
        await (await As(Resident).PostAsync("/api/workflow/photos", Image(tooBig))).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "photo-too-large");

        // A small file whose header claims 100 megapixels is refused before it is decoded.
        await (
            await As(Resident).PostAsync("/api/workflow/photos", Image(ClaimingSize(Encode(TwoColours(16, 16), SKEncodedImageFormat.Jpeg), 10_000, 10_000)))
        ).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "photo-too-large");

        Assert.Equal(
            0,
            await Service.ScalarAsync<long>(
                "SELECT count(*) FROM case_photo_contents c JOIN case_photos p ON p.id = c.photo_id WHERE p.uploaded_by_subject = $1",
                Resident.Subject
            ) - await Service.ScalarAsync<long>("SELECT count(*) FROM case_photos WHERE uploaded_by_subject = $1", Resident.Subject)
        );
    }

    [Fact]
    public async Task A_report_names_only_its_reporters_own_waiting_photos_each_once()
    {
        await GridAsync(0);
        var mine = Resident with { Subject = Guid.NewGuid().ToString() };
        var theirs = Resident with { Subject = Guid.NewGuid().ToString() };
        var photo = await UploadAsync(mine, Encode(TwoColours(20, 20), SKEncodedImageFormat.Webp), "image/webp");
        var at = Inside(0);

        await (
            await As(theirs)
                .PostAsJsonAsync(
                    "/api/workflow/cases",
                    new
                    {
                        category = "garbage",
                        description = "x",
                        latitude = at.Latitude,
                        longitude = at.Longitude,
                        photoIds = new[] { photo.Id },
                    }
                )
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "unknown-photo");
        var reported = await ReportAsync(
            mine,
            new
            {
                category = "garbage",
                description = "x",
                latitude = at.Latitude,
                longitude = at.Longitude,
                photoIds = new[] { photo.Id },
            }
        );
        await (
            await As(mine)
                .PostAsJsonAsync(
                    "/api/workflow/cases",
                    new
                    {
                        category = "garbage",
                        description = "again",
                        latitude = at.Latitude,
                        longitude = at.Longitude,
                        photoIds = new[] { photo.Id },
                    }
                )
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "unknown-photo");

        Assert.Equal(reported.Id, await Service.ScalarAsync<Guid>("SELECT case_id FROM case_photos WHERE id = $1", photo.Id));
    }

    [Fact]
    public async Task The_handler_adds_a_photo_of_the_result_and_a_finished_case_takes_none()
    {
        var grid = await GridAsync(1);
        var dispatched = await DispatchedToGridAsync(grid);
        var handler = GridStaffOf(grid);

        var response = await As(handler).PostAsync($"/api/workflow/cases/{dispatched.Id}/photos", Image(Encode(TwoColours(30, 30), SKEncodedImageFormat.Jpeg)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = (await response.Content.ReadFromJsonAsync<PhotoResponse>())!;
        Assert.Equal((dispatched.Id, CaseState.Dispatched, "网格员"), (added.CaseId, added.Stage, added.UploadedBy));

        var voided = await StepAsync(Operator, (await ReportAsync(GridStaffOf(grid), Report("garbage", gridId: grid))).Id, "void", new { reason = "重复" });
        await (
            await As(Operator).PostAsync($"/api/workflow/cases/{voided.Id}/photos", Image(Encode(TwoColours(30, 30), SKEncodedImageFormat.Jpeg)))
        ).AssertProblemAsync(HttpStatusCode.Conflict, "case-finished");
        await (
            await As(GridStaffOf(Guid.NewGuid()))
                .PostAsync($"/api/workflow/cases/{dispatched.Id}/photos", Image(Encode(TwoColours(30, 30), SKEncodedImageFormat.Jpeg)))
        ).AssertProblemAsync(HttpStatusCode.NotFound, "case-not-found");
    }

    [Fact]
    public async Task A_result_photo_carries_where_the_handler_stood_and_a_half_given_position_is_refused()
    {
        var grid = await GridAsync(1);
        var dispatched = await DispatchedToGridAsync(grid);
        var handler = As(GridStaffOf(grid));
        var at = Inside(1);

        var response = await handler.PostAsync(
            FormattableString.Invariant($"/api/workflow/cases/{dispatched.Id}/photos?latitude={at.Latitude}&longitude={at.Longitude}"),
            Image(Encode(TwoColours(30, 30), SKEncodedImageFormat.Jpeg))
        );
        var added = (await response.Content.ReadFromJsonAsync<PhotoResponse>())!;
        var listed = (await handler.GetFromJsonAsync<List<PhotoResponse>>($"/api/workflow/cases/{dispatched.Id}/photos"))!;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal((at.Latitude, at.Longitude), (added.Latitude, added.Longitude));
        Assert.Equal((at.Latitude, at.Longitude), (listed.Single(p => p.Id == added.Id).Latitude, listed.Single(p => p.Id == added.Id).Longitude));
        await (
            await handler.PostAsync(
                FormattableString.Invariant($"/api/workflow/cases/{dispatched.Id}/photos?latitude={at.Latitude}"),
                Image(Encode(TwoColours(30, 30), SKEncodedImageFormat.Jpeg))
            )
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "incomplete-location");
        await (
            await handler.PostAsync($"/api/workflow/photos?latitude=91&longitude=97", Image(Encode(TwoColours(30, 30), SKEncodedImageFormat.Jpeg)))
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-location");
    }

    [Fact]
    public async Task Photos_sent_at_once_to_a_case_never_take_it_past_its_limit()
    {
        var grid = await GridAsync(1);
        var dispatched = await DispatchedToGridAsync(grid);
        var handler = As(GridStaffOf(grid));
        var jpeg = Encode(TwoColours(16, 16), SKEncodedImageFormat.Jpeg);
        for (var i = 0; i < CasePhoto.MaxPerCase - 2; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await handler.PostAsync($"/api/workflow/cases/{dispatched.Id}/photos", Image(jpeg))).StatusCode);
        }

        // Six more at once, two places left: two are taken, four refused, none past the limit.
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => handler.PostAsync($"/api/workflow/cases/{dispatched.Id}/photos", Image(jpeg))));
        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Conflict, "too-many-photos");
        }

        var photos = await handler.GetFromJsonAsync<List<PhotoResponse>>($"/api/workflow/cases/{dispatched.Id}/photos");
        Assert.Equal(CasePhoto.MaxPerCase, photos!.Count);
    }

    [Fact]
    public async Task Photos_never_named_by_a_report_are_deleted_after_a_day_and_named_ones_stay()
    {
        await GridAsync(0);
        var resident = Resident with { Subject = Guid.NewGuid().ToString() };
        var forgotten = await UploadAsync(resident, Encode(TwoColours(20, 20), SKEncodedImageFormat.Jpeg), "image/jpeg");
        var named = await UploadAsync(resident, Encode(TwoColours(20, 20), SKEncodedImageFormat.Jpeg), "image/jpeg");
        var fresh = await UploadAsync(resident, Encode(TwoColours(20, 20), SKEncodedImageFormat.Jpeg), "image/jpeg");
        await ReportAsync(
            resident,
            new
            {
                category = "garbage",
                description = "x",
                latitude = Inside(0).Latitude,
                longitude = Inside(0).Longitude,
                photoIds = new[] { named.Id },
            }
        );
        await Service.ExecuteAsync($"UPDATE case_photos SET uploaded_at = uploaded_at - interval '25 hours' WHERE id IN ('{forgotten.Id}', '{named.Id}')");

        await Service.Services.GetRequiredService<PendingPhotoSweeper>().SweepAsync(CancellationToken.None);

        await (await As(resident).GetAsync(forgotten.Url)).AssertProblemAsync(HttpStatusCode.NotFound, "photo-not-found");
        Assert.Equal(HttpStatusCode.OK, (await As(resident).GetAsync(named.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await As(resident).GetAsync(fresh.Url)).StatusCode);
        Assert.Equal(0, await Service.ScalarAsync<long>("SELECT count(*) FROM case_photo_contents WHERE photo_id = $1", forgotten.Id));
    }

    private async Task<PhotoResponse> UploadAsync(TestCaller caller, byte[] content, string type)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(type);
        var response = await As(caller).PostAsync("/api/workflow/photos", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<PhotoResponse>())!;
    }

    private static ByteArrayContent Image(byte[] content)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return body;
    }

    /// <summary>Red on the left half, blue on the right.</summary>
    private static SKBitmap TwoColours(int width, int height)
    {
        var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Blue);
        using var red = new SKPaint { Color = SKColors.Red };
        canvas.DrawRect(0, 0, width / 2f, height, red);
        return bitmap;
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using (bitmap)
        using (var image = SKImage.FromBitmap(bitmap))
        {
            return image.Encode(format, 90).ToArray();
        }
    }

    /// <summary>A JPEG with an EXIF block as a phone writes it: an orientation and a description (where a phone puts GPS and its model).</summary>
    private static byte[] WithExif(SKBitmap bitmap, ushort orientation, string description)
    {
        var jpeg = Encode(bitmap, SKEncodedImageFormat.Jpeg);
        var text = Encoding.ASCII.GetBytes(description + "\0");
        var tiff = new List<byte>();
        tiff.AddRange("MM"u8.ToArray());
        tiff.AddRange([0, 42, 0, 0, 0, 8, 0, 2]);
        tiff.AddRange([0x01, 0x0E, 0, 2, 0, 0, 0, (byte)text.Length, 0, 0, 0, 38]);
        tiff.AddRange([0x01, 0x12, 0, 3, 0, 0, 0, 1, (byte)(orientation >> 8), (byte)orientation, 0, 0]);
        tiff.AddRange([0, 0, 0, 0]);
        tiff.AddRange(text);
        var length = 2 + 6 + tiff.Count;
        var app1 = new List<byte> { 0xFF, 0xE1, (byte)(length >> 8), (byte)length };
        app1.AddRange("Exif\0\0"u8.ToArray());
        app1.AddRange(tiff);
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    /// <summary>The same JPEG with its frame header claiming another size.</summary>
    private static byte[] ClaimingSize(byte[] jpeg, int width, int height)
    {
        var copy = jpeg.ToArray();
        for (var i = 2; i < copy.Length - 9; i++)
        {
            if (copy[i] == 0xFF && copy[i + 1] is 0xC0 or 0xC2)
            {
                (copy[i + 5], copy[i + 6], copy[i + 7], copy[i + 8]) = ((byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width);
                return copy;
            }
        }

        throw new InvalidOperationException("no frame header");
    }
}

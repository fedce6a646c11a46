using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.Workflow.Attachments;
using Platform.Workflow.Data;
using Platform.Workflow.Grids;

namespace Platform.Workflow.Cases;

/// <summary>Intake, the register of cases, one case, its timeline and its possible duplicates.</summary>
public static class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases");
        cases
            .MapPost("/", Report)
            .WithName("ReportCase")
            .AllowSignedIn()
            .Idempotent()
            .WithDescription(
                """
                Takes a case in (归口收集). Residents report for themselves (channel Resident); staff give the channel: GridPatrol, Hotline
                (with the caller's name and phone) or Inspection. Where: latitude/longitude (the grid is found from its boundary), a grid,
                a building or an address. A case of the same category within 50 m of an open one reported in the last 7 days is flagged
                as a possible duplicate. Photos: upload each first (POST /api/workflow/photos) and name them in photoIds; photoUrls
                are links to photos kept elsewhere.
                """
            )
            .Refuses(
                400,
                "channel-not-allowed",
                "channel-required",
                "incomplete-location",
                "invalid-channel",
                "invalid-description",
                "invalid-location",
                "invalid-photo-url",
                "invalid-priority",
                "location-required",
                "too-many-photos",
                "unknown-building",
                "unknown-category",
                "unknown-grid",
                "unknown-photo"
            )
            .Refuses(400, "invalid-address", "invalid-reporter-name");
        cases
            .MapGet("/", List)
            .WithName("ListCases")
            .AllowSignedIn()
            .WithDescription(
                "The cases the caller may see (a resident: their own), newest first; filter by state, category, type, grid, "
                    + "community, handler level, department, the person handling it (handledBy), overdue, open (neither closed nor "
                    + "voided), channel, priority and reporting period [from, to); sorted Newest (default), Oldest or DueSoonest."
            )
            .Refuses(
                400,
                "invalid-channel",
                "invalid-handler-level",
                "invalid-page",
                "invalid-page-size",
                "invalid-period",
                "invalid-priority",
                "invalid-sort",
                "invalid-state",
                "invalid-type"
            );
        cases
            .MapGet("/counts", Counts)
            .WithName("CountCases")
            .AllowSignedIn()
            .WithDescription(
                "How many of the cases the caller may see are in each state (every state named, zero included), with the same "
                    + "filters as the list: a board's tabs in one request."
            )
            .Refuses(400, "invalid-channel", "invalid-handler-level", "invalid-period", "invalid-priority", "invalid-type");
        cases.MapGet("/{id:guid}", Get).WithName("GetCase").AllowSignedIn().Refuses(404, "case-not-found");
        cases
            .MapGet("/{id:guid}/timeline", Timeline)
            .WithName("CaseTimeline")
            .AllowSignedIn()
            .WithDescription("Every step of the case in order: who, when, from which state to which, and why.")
            .Refuses(404, "case-not-found");
        cases
            .MapGet("/{id:guid}/possible-duplicates", Duplicates)
            .WithName("PossibleDuplicates")
            .Allow(Roles.Staff)
            .WithDescription("Open cases of the same category near this one and reported in the duplicate window, oldest first.")
            .Refuses(404, "case-not-found");
        return api;
    }

    public static async Task<Results<Created<CaseResponse>, ProblemHttpResult>> Report(
        CaseIntakeRequest request,
        Caller caller,
        CaseIntake intake,
        WorkflowDbContext db,
        CancellationToken ct
    )
    {
        var staff = caller.IsIn([.. Roles.Staff]);
        if (!EnumInput.ParseOptional<CaseChannel>(request.Channel, "channel").TryGet(out var channel, out var channelError))
        {
            return Problems.From(channelError);
        }

        var chosen = channel ?? (staff ? null : CaseChannel.Resident);
        if (chosen is null)
        {
            return Problems.From(DomainError.Invalid("channel", "channel-required", "Staff name the channel: GridPatrol, Hotline, Inspection or Resident."));
        }

        if (chosen is CaseChannel.Visit or CaseChannel.Open311 || !staff && chosen != CaseChannel.Resident)
        {
            return Problems.From(
                DomainError.Invalid(
                    "channel",
                    "channel-not-allowed",
                    staff
                        ? $"{chosen} cases come in through their own path (visits from the Grid service, Open311 at /open311/v2)."
                        : "Residents report through the Resident channel."
                )
            );
        }

        if (!EnumInput.ParseOptional<CasePriority>(request.Priority, "priority").TryGet(out var priority, out var priorityError))
        {
            return Problems.From(priorityError);
        }

        if (!Spatial.OptionalPoint(request.Latitude, request.Longitude).TryGet(out var point, out var pointError))
        {
            return Problems.From(pointError);
        }

        if (!(await PhotosApi.PendingAsync(db, request.PhotoIds, caller, ct)).TryGet(out var photos, out var photoError))
        {
            return Problems.From(photoError);
        }

        if (photos.Count + (request.PhotoUrls?.Count ?? 0) > Case.MaxPhotos)
        {
            return Problems.From(
                DomainError.Invalid("photoIds", "too-many-photos", $"At most {Case.MaxPhotos} photos per report, uploaded and linked together.")
            );
        }

        // The hotline reports for a caller on the phone; every other channel's reporter is the signed-in account.
        var hotline = chosen == CaseChannel.Hotline;
        var report = new ReportCase
        {
            Category = request.Category,
            Description = request.Description,
            Channel = chosen.Value,
            Priority = priority ?? CasePriority.Normal,
            Location = point,
            GridId = request.GridId,
            BuildingId = request.BuildingId,
            Address = request.Address,
            PhotoUrls = request.PhotoUrls,
            ReporterName = hotline ? request.ReporterName : null,
            ReporterPhone = hotline ? request.ReporterPhone : null,
            ReporterSubject = hotline ? null : caller.Subject,
            ReporterPersonId = hotline ? null : caller.PersonId,
        };
        var outcome = await intake.TakeInAsync(report, Actor.Of(caller), ct);
        if (!outcome.TryGet(out var taken, out var error))
        {
            return Problems.From(error);
        }

        foreach (var photo in photos)
        {
            photo.AttachTo(taken, caller.Subject);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/workflow/cases/{taken.Id}", CaseResponse.From(taken, caller));
    }

    public static async Task<Results<Ok<Page<CaseSummary>>, ProblemHttpResult>> List(
        Caller caller,
        WorkflowDbContext db,
        [OneOf<CaseState>] string? state,
        string? category,
        Guid? gridId,
        Guid? communityId,
        [OneOf<HandlerLevel>] string? handlerLevel,
        string? department,
        Guid? handledBy,
        bool? overdue,
        bool? open,
        [OneOf<CaseChannel>] string? channel,
        [OneOf<CasePriority>] string? priority,
        [OneOf<CaseType>] string? type,
        DateTimeOffset? from,
        DateTimeOffset? to,
        [OneOf<CaseOrder>] string? sort,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        var paging = Paging.Validate(page, pageSize);
        var states = EnumInput.ParseOptional<CaseState>(state, "state");
        var order = EnumInput.ParseOptional<CaseOrder>(sort, "sort");
        var filter = CaseFilter.Parse(category, gridId, communityId, handlerLevel, department, handledBy, overdue, open, channel, priority, type, from, to);
        if ((paging.Error ?? states.Error ?? order.Error) is { } error || !filter.TryGet(out var cases, out error))
        {
            return Problems.From(error);
        }

        var query = cases.Apply(db.Cases.AsNoTracking().VisibleTo(caller, Case.Scope));
        query = states.Value is { } s ? query.Where(c => c.State == s) : query;
        query = order.Value switch
        {
            CaseOrder.Oldest => query.OrderBy(c => c.ReportedAt).ThenBy(c => c.Id),
            // The ones due soonest first; those without a deadline (not yet dispatched) after them, newest first.
            CaseOrder.DueSoonest => query
                .OrderBy(c => c.Deadline.DueAt == null)
                .ThenBy(c => c.Deadline.DueAt)
                .ThenByDescending(c => c.ReportedAt)
                .ThenBy(c => c.Id),
            _ => query.OrderByDescending(c => c.ReportedAt).ThenByDescending(c => c.Id),
        };
        return TypedResults.Ok(await query.ToPageAsync(paging.Value, CaseSummary.From, ct));
    }

    public static async Task<Results<Ok<CaseCounts>, ProblemHttpResult>> Counts(
        Caller caller,
        WorkflowDbContext db,
        string? category,
        Guid? gridId,
        Guid? communityId,
        [OneOf<HandlerLevel>] string? handlerLevel,
        string? department,
        Guid? handledBy,
        bool? overdue,
        bool? open,
        [OneOf<CaseChannel>] string? channel,
        [OneOf<CasePriority>] string? priority,
        [OneOf<CaseType>] string? type,
        DateTimeOffset? from,
        DateTimeOffset? to,
        CancellationToken ct
    )
    {
        if (
            !CaseFilter
                .Parse(category, gridId, communityId, handlerLevel, department, handledBy, overdue, open, channel, priority, type, from, to)
                .TryGet(out var filter, out var error)
        )
        {
            return Problems.From(error);
        }

        var query = filter.Apply(db.Cases.AsNoTracking().VisibleTo(caller, Case.Scope));
        var byState = await query.GroupBy(c => c.State).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(ct);
        var late = await query.CountAsync(c => c.Deadline.OverdueAt != null && (c.State == CaseState.Dispatched || c.State == CaseState.Accepted), ct);
        return TypedResults.Ok(
            new CaseCounts(
                Enum.GetValues<CaseState>().ToDictionary(st => st.ToString(), st => byState.FirstOrDefault(b => b.State == st)?.Count ?? 0),
                byState.Sum(b => b.Count),
                late
            )
        );
    }

    public static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> Get(Guid id, Caller caller, WorkflowDbContext db, CancellationToken ct)
    {
        var found = await FindVisibleAsync(db, id, caller, tracked: false, ct);
        return found is null ? Problems.NotFound("case", id) : TypedResults.Ok(CaseResponse.From(found, caller));
    }

    public static async Task<Results<Ok<List<CaseStepResponse>>, ProblemHttpResult>> Timeline(
        Guid id,
        Caller caller,
        WorkflowDbContext db,
        CancellationToken ct
    )
    {
        var visible = await db.Cases.AsNoTracking().VisibleTo(caller, Case.Scope).AnyAsync(c => c.Id == id, ct);
        if (!visible)
        {
            return Problems.NotFound("case", id);
        }

        var steps = await db.CaseSteps.AsNoTracking().Where(s => s.CaseId == id).OrderBy(s => s.Ordinal).ToListAsync(ct);
        return TypedResults.Ok(steps.Select(CaseStepResponse.Of).ToList());
    }

    public static async Task<Results<Ok<List<CaseSummary>>, ProblemHttpResult>> Duplicates(
        Guid id,
        Caller caller,
        WorkflowDbContext db,
        Microsoft.Extensions.Options.IOptions<IntakeOptions> options,
        CancellationToken ct
    )
    {
        var found = await FindVisibleAsync(db, id, caller, tracked: false, ct);
        if (found is null)
        {
            return Problems.NotFound("case", id);
        }

        if (found.Location is not { } point)
        {
            return TypedResults.Ok(new List<CaseSummary>());
        }

        var (radius, window) = (options.Value.DuplicateRadiusMeters, options.Value.DuplicateWindow);
        var (since, until) = (found.ReportedAt - window, found.ReportedAt + window);
        var ids = await db
            .Database.SqlQuery<Guid>(
                $"""
                SELECT id AS "Value" FROM cases
                WHERE id <> {id} AND category = {found.Category} AND state NOT IN ('Voided', 'Closed')
                  AND reported_at BETWEEN {since} AND {until}
                  AND location IS NOT NULL AND ST_DWithin(location::geography, {point}::geography, {radius})
                """
            )
            .ToListAsync(ct);
        var near = await db
            .Cases.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .VisibleTo(caller, Case.Scope)
            .OrderBy(c => c.ReportedAt)
            .Take(20)
            .ToListAsync(ct);
        return TypedResults.Ok(near.Select(CaseSummary.From).ToList());
    }

    internal static async Task<Case?> FindVisibleAsync(WorkflowDbContext db, Guid id, Caller caller, bool tracked, CancellationToken ct)
    {
        var query = db.Cases.Include(c => c.Reporters).AsQueryable();
        query = tracked ? query : query.AsNoTracking();
        var found = await query.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (found is null || !Case.Scope.Covers(caller, found))
        {
            return null;
        }

        // Only mediation and tripartite cases have records of their own: general cases (most of them) skip the queries.
        if (found.Type != CaseType.General)
        {
            var entry = db.Entry(found);
            if (!tracked)
            {
                db.Attach(found);
            }

            await entry.Collection(c => c.Parties).LoadAsync(ct);
            await entry.Collection(c => c.Meetings).LoadAsync(ct);
            await entry.Collection(c => c.Tasks).LoadAsync(ct);
            if (!tracked)
            {
                db.ChangeTracker.Clear();
            }
        }

        return found;
    }
}

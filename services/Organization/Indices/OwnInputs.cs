using Platform.Organization.Activities;
using Platform.Organization.Data;
using Platform.Organization.Registrations;

namespace Platform.Organization.Indices;

/// <summary>
/// The inputs this service's own records give, written to the ledger in the same unit of work as the record:
/// a party activity held and who attended it (a correction withdraws who no longer counts), a confirmed
/// in-service registration.
/// </summary>
public static class OwnInputs
{
    public static async Task PartyActivityAsync(OrganizationDbContext db, PartyActivity activity, Guid? communityId, DateTimeOffset now, CancellationToken ct)
    {
        var change = Guid.CreateVersion7(now);
        await IndexLedger.RecordAsync(
            db,
            new(InputKinds.PartyActivityHeld, activity.Id.ToString(), 1, activity.HeldAt, activity.Title)
            {
                Organization = activity.OrganizationId,
                Community = communityId,
            },
            change,
            now,
            ct
        );
        var attended = activity.Attendance.Where(a => a.Attended).Select(a => a.PersonId).ToList();
        foreach (var person in attended)
        {
            await IndexLedger.RecordAsync(
                db,
                new(InputKinds.ActivityAttended, $"{activity.Id}:{person}", 1, activity.HeldAt, activity.Title) { Person = person },
                change,
                now,
                ct
            );
        }

        await IndexLedger.WithdrawOthersAsync(
            db,
            InputKinds.ActivityAttended,
            $"{activity.Id}:",
            [.. attended.Select(p => $"{activity.Id}:{p}")],
            "attendance corrected",
            ct
        );
    }

    /// <summary>A confirmed registration, dated by its confirmation.</summary>
    public static Task RegistrationConfirmedAsync(OrganizationDbContext db, InServiceRegistration registration, CancellationToken ct)
    {
        var confirmed = registration.DecidedAt ?? throw new InvalidOperationException("A confirmed registration has its decision time.");
        return IndexLedger.RecordAsync(
            db,
            new(InputKinds.RegisteredInCommunity, registration.Id.ToString(), 1, confirmed)
            {
                Person = registration.PersonId,
                Organization = registration.UnitOrganizationId,
                Community = registration.CommunityId,
            },
            Guid.CreateVersion7(confirmed),
            confirmed,
            ct
        );
    }
}

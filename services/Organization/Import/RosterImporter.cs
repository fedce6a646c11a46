using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.Import;
using Platform.BuildingBlocks.PersonalData;
using Platform.BuildingBlocks.Time;
using Platform.Organization.Data;
using Platform.Organization.MemberUnits;
using Platform.Organization.PartyOrganizations;
using Platform.Organization.People;

namespace Platform.Organization.Import;

/// <summary>
/// Checks a roster file row by row against the same domain rules as the API (every problem of every row is
/// reported, not just the first) and prepares what it would create; nothing is written here.
/// </summary>
public sealed class RosterImporter(OrganizationDbContext db, PersonalDataProtector protector, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<RosterKind, string[]> Columns = new Dictionary<RosterKind, string[]>
    {
        [RosterKind.Members] = ["name", "phone", "idCardNumber", "homeAddress", "organization", "memberType", "joinedOn"],
        [RosterKind.Staff] = ["name", "phone", "idCardNumber", "homeAddress", "community", "isCadre"],
        [RosterKind.Units] = ["name", "kind", "contactName", "contactPhone", "serviceFields", "partyOrganization", "joinedOn"],
    };

    private static readonly HashSet<string> Required = ["name", "organization", "memberType", "community", "kind", "contactName", "serviceFields"];

    public async Task<ImportPlan> PrepareAsync(RosterKind kind, string csv, CancellationToken ct)
    {
        var rows = Csv.Parse(csv);
        var problems = new List<RowProblem>();
        if (rows.Count == 0)
        {
            return new ImportPlan(0, [new RowProblem(1, null, "empty-file", "The file is empty: the first row names the columns.")], []);
        }

        var header = rows[0].Select((name, index) => (name, index)).ToDictionary(h => h.name, h => h.index, StringComparer.OrdinalIgnoreCase);
        foreach (var missing in Columns[kind].Where(c => Required.Contains(c) && !header.ContainsKey(c)))
        {
            problems.Add(new RowProblem(1, missing, "missing-column", $"The header has no column '{missing}'. Columns: {string.Join(",", Columns[kind])}."));
        }

        if (problems.Count > 0)
        {
            return new ImportPlan(rows.Count - 1, problems, []);
        }

        var lookups = await Lookups.LoadAsync(db, ct);
        var entities = new List<object>();
        var seenIdCards = new Dictionary<string, int>();
        var seenNames = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 1; r < rows.Count; r++)
        {
            var fields = rows[r];
            string? Get(string column) => header.TryGetValue(column, out var i) && i < fields.Length && fields[i].Length > 0 ? fields[i] : null;
            var rowNumber = r + 1;
            var rowProblems = new List<RowProblem>();
            void Problem(DomainError e) => rowProblems.Add(new RowProblem(rowNumber, e.Field, e.Code, e.Message));

            object? entity = kind switch
            {
                RosterKind.Units => PrepareUnit(Get, lookups, seenNames, rowNumber, Problem),
                _ => PreparePerson(kind, Get, lookups, seenIdCards, rowNumber, Problem),
            };
            problems.AddRange(rowProblems);
            if (rowProblems.Count == 0 && entity is not null)
            {
                entities.Add(entity);
            }
        }

        return new ImportPlan(rows.Count - 1, problems, problems.Count == 0 ? entities : []);
    }

    /// <summary>Adds what a plan prepared, with its events, to the context (the caller saves).</summary>
    public void Add(object entity)
    {
        switch (entity)
        {
            case Person person:
                db.People.Add(person);
                break;
            case MemberUnit unit:
                db.MemberUnits.Add(unit);
                break;
        }
    }

    private Person? PreparePerson(
        RosterKind kind,
        Func<string, string?> get,
        Lookups lookups,
        Dictionary<string, int> seenIdCards,
        int row,
        Action<DomainError> problem
    )
    {
        var now = clock.GetUtcNow();
        if (!Person.Register(Guid.CreateVersion7(), get("name"), now).TryGet(out var registered, out var nameError))
        {
            problem(nameError);
        }

        // The rest of the row is still checked, so one pass reports all of its problems.
        var person = registered ?? Person.Register(Guid.CreateVersion7(), "?", now).OrThrow();
        ProtectedValue? phone = null,
            idCard = null,
            address = null;
        string? hash = null;
        if (get("phone") is { } rawPhone)
        {
            if (!PhoneNumber.Parse(rawPhone).TryGet(out var parsed, out var e))
            {
                problem(e);
            }
            else
            {
                phone = protector.Protect(parsed.Value, Mask.Phone);
            }
        }

        if (get("idCardNumber") is { } rawId)
        {
            if (!IdCardNumber.Parse(rawId).TryGet(out var parsed, out var e))
            {
                problem(e);
            }
            else
            {
                hash = protector.LookupHash(parsed.Value);
                if (seenIdCards.TryGetValue(hash, out var earlier))
                {
                    problem(DomainError.Conflict("duplicate-id-card", $"The same ID-card number is on row {earlier}.") with { Field = "idCardNumber" });
                }
                else if (lookups.IdCardHashes.Contains(hash))
                {
                    problem(
                        DomainError.Conflict("duplicate-id-card", "A person with this ID-card number is already registered.") with
                        {
                            Field = "idCardNumber",
                        }
                    );
                }

                seenIdCards.TryAdd(hash, row);
                idCard = protector.Protect(parsed.Value, Mask.IdCard);
            }
        }

        if (get("homeAddress") is { } rawAddress)
        {
            if (rawAddress.Length > People.PeopleApi.MaxAddressLength)
            {
                problem(DomainError.Invalid("homeAddress", "invalid-address", $"homeAddress is at most {People.PeopleApi.MaxAddressLength} characters."));
            }
            else
            {
                address = protector.Protect(rawAddress, Mask.Address);
            }
        }

        person.SetContact(phone, idCard, hash, address, now);
        if (kind == RosterKind.Members)
        {
            var type = EnumInput.Parse<MemberType>(get("memberType"), "memberType");
            var organization = lookups.Organization(get("organization"), problem);
            DateOnly? joined = null;
            if (get("joinedOn") is { } rawJoined)
            {
                if (DateOnly.TryParseExact(rawJoined, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var j) && j <= clock.DateOf(now))
                {
                    joined = j;
                }
                else
                {
                    problem(DomainError.Invalid("joinedOn", "invalid-date", "joinedOn is a date (yyyy-MM-dd), not in the future."));
                }
            }

            if (type.Error is { } typeError)
            {
                problem(typeError);
            }
            else if (organization is not null)
            {
                person.SetMembership(new PartyMembership(organization.Value, type.Value, joined), lookups.CommunityOfOrganization[organization.Value], now);
            }
        }
        else
        {
            var community = lookups.Community(get("community"), problem);
            var cadre = get("isCadre")?.ToLowerInvariant() switch
            {
                null or "false" or "no" or "否" or "0" => false,
                "true" or "yes" or "是" or "1" => true,
                _ => (bool?)null,
            };
            if (cadre is null)
            {
                problem(DomainError.Invalid("isCadre", "invalid-flag", "isCadre is true or false (是/否)."));
            }

            person.SetRoles(cadre ?? false, community, now);
        }

        return person;
    }

    private MemberUnit? PrepareUnit(Func<string, string?> get, Lookups lookups, Dictionary<string, int> seenNames, int row, Action<DomainError> problem)
    {
        var now = clock.GetUtcNow();
        if (!EnumInput.Parse<UnitKind>(get("kind"), "kind").TryGet(out var kind, out var kindError))
        {
            problem(kindError);
        }

        ProtectedValue? phone = null;
        if (get("contactPhone") is { } rawPhone)
        {
            if (!PhoneNumber.Parse(rawPhone, "contactPhone").TryGet(out var parsed, out var e))
            {
                problem(e);
            }
            else
            {
                phone = protector.Protect(parsed.Value, Mask.Phone);
            }
        }

        Guid? organization = get("partyOrganization") is { } orgName ? lookups.Organization(orgName, problem, "partyOrganization") : null;
        var name = get("name")?.Trim();
        if (name is not null && (lookups.UnitNames.Contains(name) || !seenNames.TryAdd(name, row)))
        {
            problem(DomainError.Conflict("duplicate-unit", $"{name} is already in the alliance or earlier in the file.") with { Field = "name" });
        }

        DateOnly joined = clock.DateOf(now);
        if (get("joinedOn") is { } rawJoined && !DateOnly.TryParseExact(rawJoined, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out joined))
        {
            problem(DomainError.Invalid("joinedOn", "invalid-date", "joinedOn is a date (yyyy-MM-dd)."));
        }

        var fields = (get("serviceFields") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (
            !MemberUnit
                .Join(name, kindError is null ? kind : UnitKind.Other, organization, get("contactName"), phone, [], fields, joined, now)
                .TryGet(out var joinedUnit, out var error)
        )
        {
            problem(error);
            return null;
        }

        return joinedUnit;
    }

    /// <summary>What rows refer to by name or code, loaded once per file.</summary>
    private sealed class Lookups
    {
        public required ILookup<string, Guid> OrganizationsByName { get; init; }

        public required Dictionary<Guid, Guid?> CommunityOfOrganization { get; init; }

        public required Dictionary<string, Guid> CommunitiesByCode { get; init; }

        public required HashSet<string> IdCardHashes { get; init; }

        public required HashSet<string> UnitNames { get; init; }

        public static async Task<Lookups> LoadAsync(OrganizationDbContext db, CancellationToken ct)
        {
            var organizations = await db
                .PartyOrganizations.Where(o => o.Status == OrganizationStatus.Active)
                .Select(o => new
                {
                    o.Name,
                    o.Id,
                    o.CommunityId,
                })
                .ToListAsync(ct);
            return new()
            {
                OrganizationsByName = organizations.ToLookup(o => o.Name, o => o.Id, StringComparer.Ordinal),
                CommunityOfOrganization = organizations.ToDictionary(o => o.Id, o => o.CommunityId),
                CommunitiesByCode = await db.Communities.ToDictionaryAsync(c => c.Code, c => c.Id, ct),
                IdCardHashes = [.. await db.People.Where(p => p.IdCardHash != null).Select(p => p.IdCardHash!).ToListAsync(ct)],
                UnitNames = [.. await db.MemberUnits.Select(u => u.Name).ToListAsync(ct)],
            };
        }

        public Guid? Organization(string? name, Action<DomainError> problem, string column = "organization")
        {
            var matches = name is null ? [] : OrganizationsByName[name.Trim()].ToList();
            if (matches.Count == 1)
            {
                return matches[0];
            }

            problem(
                DomainError.Invalid(
                    column,
                    matches.Count == 0 ? "unknown-organization" : "ambiguous-organization",
                    matches.Count == 0 ? $"No active organization named '{name}'." : $"Several active organizations are named '{name}'."
                )
            );
            return null;
        }

        public Guid? Community(string? code, Action<DomainError> problem)
        {
            if (code is not null && CommunitiesByCode.TryGetValue(code.Trim(), out var id))
            {
                return id;
            }

            problem(DomainError.Invalid("community", "unknown-community", $"No community with code '{code}'."));
            return null;
        }
    }
}

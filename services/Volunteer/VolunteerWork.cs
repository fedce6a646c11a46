namespace Platform.Volunteer;

/// <summary>Who runs volunteer work where: the rule the endpoints state once.</summary>
public static class VolunteerWork
{
    public const string CadresRunEverything = "the subdistrict's cadres run every community's volunteer work; community staff only their own community's";
}

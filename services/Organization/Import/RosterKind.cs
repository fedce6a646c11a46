namespace Platform.Organization.Import;

public enum RosterKind
{
    Members,
    Staff,
    Units,
}

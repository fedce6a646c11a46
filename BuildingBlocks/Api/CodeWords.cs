namespace Platform.BuildingBlocks.Api;

/// <summary>A field's name as part of a problem code: lower-case words joined by hyphens ("sharedResources.kind" → "shared-resources-kind").</summary>
public static class CodeWords
{
    public static string Of(string field) =>
        string.Join(
            '-',
            string.Concat(field.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()))
                .Split(['.', '[', ']', '-'], StringSplitOptions.RemoveEmptyEntries)
        );
}

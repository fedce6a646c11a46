namespace Platform.BuildingBlocks.Api;

/// <summary>
/// A text field or query parameter that takes one of <typeparamref name="TEnum"/>'s names: the OpenAPI
/// documents show it as that enumeration (a schema of its own, referenced where used), and
/// <see cref="EnumInput"/> reads it (case-insensitive, names only, the allowed names in its 400).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class OneOfAttribute<TEnum> : Attribute, IOneOf
    where TEnum : struct, Enum
{
    public Type EnumType => typeof(TEnum);
}

/// <summary>The enumeration a <see cref="OneOfAttribute{TEnum}"/> names, for the OpenAPI documents.</summary>
public interface IOneOf
{
    Type EnumType { get; }
}

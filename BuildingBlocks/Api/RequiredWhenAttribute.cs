namespace Platform.BuildingBlocks.Api;

/// <summary>
/// A request property required only in some cases (a staff report names its channel; a resident's need not): optional
/// in the document, which states the condition on the property and lists it under the object's <c>x-required-when</c>.
/// The handler refuses it when the condition holds.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class RequiredWhenAttribute(string condition) : Attribute
{
    public string Condition { get; } = condition;
}

using Microsoft.AspNetCore.Http;

namespace Platform.BuildingBlocks.Input;

/// <summary>
/// Endpoint metadata for APIs whose errors follow a standard of their own (Open311's error list) rather than
/// problem details: how a refused input is answered there. Everything else answers with problem details.
/// </summary>
public interface IInputRefusal
{
    IResult Refuse(HttpContext context, string field, string message);
}

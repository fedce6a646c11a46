using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks.Domain;

namespace Platform.BuildingBlocks.Api;

/// <summary>Turns a broken rule into RFC 9457 problem details with the status its kind calls for.</summary>
public static class Problems
{
    public static ProblemHttpResult From(DomainError error)
    {
        var status = error.Kind switch
        {
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.OutOfScope => StatusCodes.Status403Forbidden,
            ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
            ErrorKind.UnsupportedContent => StatusCodes.Status415UnsupportedMediaType,
            ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
            _ => StatusCodes.Status400BadRequest,
        };
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Field is not null)
        {
            extensions["errors"] = new Dictionary<string, string[]> { [error.Field] = [error.Message] };
        }

        return TypedResults.Problem(title: error.Message, statusCode: status, type: $"https://platform.local/problems/{error.Code}", extensions: extensions);
    }

    /// <summary>A write aimed at an area, unit or record outside the caller's scope.</summary>
    public static ProblemHttpResult OutOfScope(string what) => From(DomainError.OutOfScope($"The {what} is outside your scope."));

    public static ProblemHttpResult NotFound(string what, object id) =>
        From(DomainError.NotFound($"{what.Replace(' ', '-')}-not-found", $"No {what} with id {id}."));
}

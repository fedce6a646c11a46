using System.Text.Json;

namespace Platform.BuildingBlocks.Input;

/// <summary>A JSON value the platform refuses (text the database cannot hold), thrown while the body is read.</summary>
public sealed class InvalidTextException(string message) : JsonException(message);

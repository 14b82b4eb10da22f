namespace AsyncCoach.Storage;

/// <summary>
/// The Web API calls dry-run made instead of sending them, per team. The request JSON is what
/// would have been sent as arguments; tokens never travel in it.
/// </summary>
public interface IApiCallStore
{
    /// <summary>Records one call, in a transaction of its own.</summary>
    Task RecordAsync(string teamId, string method, string requestJson, CancellationToken cancellationToken);

    /// <summary>Every recorded call, in the order they were recorded.</summary>
    Task<IReadOnlyList<RecordedApiCall>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>One recorded Web API call: for which team, the method, and the JSON that would have been sent.</summary>
public sealed record RecordedApiCall(string? TeamId, string Method, string RequestJson);

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace AsyncCoach.Slack.WebApi;

/// <summary>
/// <see cref="ISlackWebApi"/> over a named client's handlers to <c>Slack:ApiBaseUrl</c>;
/// with <see cref="SlackCallPolicy.Retrying"/> retries live in the resilience handler
/// (<see cref="SlackResilience"/>) and the <see cref="HttpClient"/> reads the whole answer inside
/// them; with <see cref="SlackCallPolicy.SingleAttempt"/> a call is one attempt within
/// <see cref="SlackOptions.AttemptTimeout"/>, sent through a bare <see cref="HttpMessageInvoker"/>
/// (no <see cref="HttpClient"/> stage: its linked cancellation source and extra async step per call
/// give nothing to a client with its own deadline and absolute URLs). Reads are form-encoded (those methods take no
/// JSON); writes are JSON. Bound to one token: made by <see cref="SlackWebApiClientFactory"/> for
/// the team that token belongs to.
/// </summary>
public sealed partial class SlackWebApiClient : ISlackWebApi, ISlackOAuthApi
{
    private static readonly SlackJsonContext Json = SlackJsonContext.Default;

    private readonly HttpMessageInvoker http;
    private readonly SlackMethodUris uris;
    private readonly TimeSpan? attemptTimeout;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<SlackWebApiClient> logger;

    // "Bearer xoxb-…" built once per client (one client per token), added unparsed to each request.
    private readonly string? bearer;

    internal SlackWebApiClient(
        HttpMessageInvoker http, string? token, SlackMethodUris uris, TimeSpan? attemptTimeout, TimeProvider timeProvider, ILogger<SlackWebApiClient> logger)
    {
        this.http = http;
        this.uris = uris;
        this.attemptTimeout = attemptTimeout;
        this.timeProvider = timeProvider;
        this.logger = logger;
        bearer = token is { Length: > 0 } ? "Bearer " + token : null;
    }

    public Task<AuthTestResponse> AuthTestAsync(CancellationToken cancellationToken = default) =>
        SendAsync("auth.test", new FormUrlEncodedContent([]), Json.AuthTestResponse, cancellationToken);

    public async Task<SlackUser> GetUserInfoAsync(string userId, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync("users.info", Form(("user", userId)), Json.UsersInfoResponse, cancellationToken);
        return response.User ?? throw Missing("users.info", "user");
    }

    public async Task<UsersListPage> ListUsersAsync(string? cursor = null, int limit = 200, CancellationToken cancellationToken = default)
    {
        var content = Form(
            ("limit", limit.ToString(CultureInfo.InvariantCulture)),
            ("cursor", string.IsNullOrEmpty(cursor) ? null : cursor));
        var response = await SendAsync("users.list", content, Json.UsersListResponse, cancellationToken);
        var next = response.ResponseMetadata?.NextCursor;
        // The source generator fills init properties all at once: an answer without members leaves null.
        return new UsersListPage(response.Members ?? [], string.IsNullOrEmpty(next) ? null : next);
    }

    public async Task<SlackConversation> GetConversationInfoAsync(string channelId, CancellationToken cancellationToken = default)
    {
        var content = Form(("channel", channelId), ("include_num_members", "true"));
        var response = await SendAsync("conversations.info", content, Json.ConversationsInfoResponse, cancellationToken);
        return response.Channel ?? throw Missing("conversations.info", "channel");
    }

    public async Task<ConversationMembersPage> GetConversationMembersAsync(
        string channelId, string? cursor = null, int limit = 200, CancellationToken cancellationToken = default)
    {
        var content = Form(
            ("channel", channelId),
            ("limit", limit.ToString(CultureInfo.InvariantCulture)),
            ("cursor", string.IsNullOrEmpty(cursor) ? null : cursor));
        var response = await SendAsync("conversations.members", content, Json.ConversationsMembersResponse, cancellationToken);
        var next = response.ResponseMetadata?.NextCursor;
        return new ConversationMembersPage(response.Members, string.IsNullOrEmpty(next) ? null : next);
    }

    // conversations.open documents `users` as a comma-separated string, so it goes as a form.
    public Task<OpenConversationResponse> OpenConversationAsync(OpenConversationRequest request, CancellationToken cancellationToken = default)
    {
        var content = Form(
            ("users", string.Join(',', request.Users)),
            ("return_im", request.ReturnIm is { } returnIm ? (returnIm ? "true" : "false") : null));
        return SendAsync("conversations.open", content, Json.OpenConversationResponse, cancellationToken);
    }

    public Task<PostEphemeralResponse> PostEphemeralAsync(PostEphemeralRequest request, CancellationToken cancellationToken = default) =>
        SendAsync("chat.postEphemeral", PooledJsonContent.Create(request, Json.PostEphemeralRequest), Json.PostEphemeralResponse, cancellationToken);

    public Task<PostMessageResponse> PostMessageAsync(PostMessageRequest request, CancellationToken cancellationToken = default) =>
        SendAsync("chat.postMessage", PooledJsonContent.Create(request, Json.PostMessageRequest), Json.PostMessageResponse, cancellationToken);

    public Task<ScheduleMessageResponse> ScheduleMessageAsync(ScheduleMessageRequest request, CancellationToken cancellationToken = default) =>
        SendAsync("chat.scheduleMessage", PooledJsonContent.Create(request, Json.ScheduleMessageRequest), Json.ScheduleMessageResponse, cancellationToken);

    public Task<PublishViewResponse> PublishViewAsync(PublishViewRequest request, CancellationToken cancellationToken = default) =>
        SendAsync("views.publish", PooledJsonContent.Create(request, Json.PublishViewRequest), Json.PublishViewResponse, cancellationToken);

    public Task<OpenViewResponse> OpenViewAsync(OpenViewRequest request, CancellationToken cancellationToken = default) =>
        SendAsync("views.open", PooledJsonContent.Create(request, Json.OpenViewRequest), Json.OpenViewResponse, cancellationToken);

    public Task<OAuthV2AccessResponse> OAuthV2AccessAsync(OAuthV2AccessRequest request, CancellationToken cancellationToken = default)
    {
        var content = Form(
            ("code", request.Code),
            ("redirect_uri", request.RedirectUri),
            ("grant_type", request.GrantType),
            ("refresh_token", request.RefreshToken));
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(request.ClientId + ":" + request.ClientSecret));
        return SendAsync("oauth.v2.access", content, Json.OAuthV2AccessResponse, cancellationToken, new AuthenticationHeaderValue("Basic", basic));
    }

    private async Task<T> SendAsync<T>(
        string method, HttpContent content, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken, AuthenticationHeaderValue? authorization = null)
        where T : SlackResponse
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uris.For(method)) { Content = content };
        if (authorization is not null)
        {
            request.Headers.Authorization = authorization;
        }
        else if (bearer is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", bearer);
        }

        using var timeout = attemptTimeout is { } limit ? new CallTimeout(limit, timeProvider, cancellationToken) : null;
        var token = timeout?.Token ?? cancellationToken;
        try
        {
            var started = timeProvider.GetTimestamp();
            // Single attempt (an invoker): headers only, the body read under the same deadline
            // (ReadAsync). The pipeline's timeouts end when SendAsync returns, so there the
            // HttpClient reads the body inside it. Sent here rather than through
            // SendWithinRetriesAsync: one async step less per call, the same errors.
            HttpResponseMessage answered;
            try
            {
                answered = await http.SendAsync(request, token);
            }
            catch (Exception ex) when (SendError(method, ex) is { } error)
            {
                throw error;
            }

            using var response = answered;
            Log.Called(logger, method, (int)response.StatusCode, timeProvider.GetElapsedTime(started).TotalMilliseconds);
            return await ReadAsync(method, response, typeInfo, token);
        }
        catch (OperationCanceledException ex) when (timeout is not null && timeout.Expired(cancellationToken))
        {
            throw new SlackApiException(method, SlackErrorCodes.ClientTimeout, innerException: ex);
        }
    }

    private async Task<T> ReadAsync<T>(string method, HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : SlackResponse
    {
        T? body = null;
        try
        {
            body = await PooledResponseBody.ReadAsync(response.Content, typeInfo, cancellationToken);
        }
        catch (JsonException ex) when (response.IsSuccessStatusCode)
        {
            Log.UnreadableResponse(logger, method, (int)response.StatusCode);
            throw new SlackApiException(method, SlackErrorCodes.InvalidResponse, innerException: ex) { StatusCode = response.StatusCode };
        }
        catch (JsonException)
        {
            // A 5xx or 429 often has no JSON body; the status says enough.
        }

        if (response.IsSuccessStatusCode && body is { Ok: true })
        {
            return body;
        }

        var error = body?.Error
            ?? (response.StatusCode == HttpStatusCode.TooManyRequests ? SlackErrorCodes.RateLimited : null)
            ?? (response.IsSuccessStatusCode ? SlackErrorCodes.InvalidResponse : $"http_{(int)response.StatusCode}");
        Log.SlackError(logger, method, error, (int)response.StatusCode);
        throw new SlackApiException(method, error)
        {
            StatusCode = response.StatusCode,
            Needed = body?.Needed,
            Provided = body?.Provided,
            Warning = body?.Warning,
            Messages = body?.ResponseMetadata?.Messages ?? [],
            RetryAfter = SlackResilience.ReadRetryAfter(response, timeProvider),
        };
    }

    /// <summary>
    /// Sends (through the retry pipeline, when the client has one); what is left after the retries becomes a <see cref="SlackApiException"/> so
    /// callers (the outbox) catch one type. The caller's own cancellation still surfaces as
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    internal static async Task<HttpResponseMessage> SendWithinRetriesAsync(
        HttpMessageInvoker http, string method, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (SendError(method, ex) is { } error)
        {
            throw error;
        }
    }

    // A pipeline timeout or a failed connection as the one exception type callers catch; anything else (a cancellation) as it is.
    private static SlackApiException? SendError(string method, Exception exception) => exception switch
    {
        TimeoutRejectedException => new SlackApiException(method, SlackErrorCodes.ClientTimeout, innerException: exception),
        HttpRequestException ex => new SlackApiException(method, SlackErrorCodes.NetworkError, ex.HttpRequestError.ToString(), ex),
        _ => null,
    };

    private static FormUrlEncodedContent Form(params (string Key, string? Value)[] fields)
    {
        var pairs = new List<KeyValuePair<string, string>>(fields.Length);
        foreach (var (key, value) in fields)
        {
            if (value is not null)
            {
                pairs.Add(new(key, value));
            }
        }

        return new FormUrlEncodedContent(pairs);
    }

    private static SlackApiException Missing(string method, string field) =>
        new(method, SlackErrorCodes.InvalidResponse, $"no {field} in the answer");

    private static partial class Log
    {
        [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "Slack {Method} answered HTTP {Status} in {ElapsedMs} ms")]
        public static partial void Called(ILogger logger, string method, int status, double elapsedMs);

        [LoggerMessage(EventId = 1020, Level = LogLevel.Warning, Message = "Slack {Method} failed with {Error} (HTTP {Status})")]
        public static partial void SlackError(ILogger logger, string method, string error, int status);

        [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Slack {Method} answered HTTP {Status} with a body that is not the expected JSON")]
        public static partial void UnreadableResponse(ILogger logger, string method, int status);
    }
}

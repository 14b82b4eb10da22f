using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AsyncCoach.Tests.Fakes;

/// <summary>
/// A fake Slack Web API: a real Kestrel server on <c>http://127.0.0.1:0</c> that records every
/// call and answers as scripted per method. Point <c>Slack:ApiBaseUrl</c> at <see cref="ApiBaseUrl"/>.
/// Unscripted calls get a plausible <c>ok:true</c> answer (see <see cref="DefaultAnswer"/>).
/// Self-contained on purpose: the host's end-to-end tests link-compile this file.
/// </summary>
/// <example>
/// <code>
/// await using var slack = await FakeSlackApi.StartAsync();
/// slack.Enqueue("chat.postMessage", FakeResponse.RateLimited(retryAfterSeconds: 1));
/// slack.Enqueue("chat.postMessage", FakeResponse.Ok("""{"channel":"C1","ts":"1.000100"}"""));
/// ...
/// var call = await slack.WaitForCallAsync("chat.postMessage", count: 2);
/// Assert.That(call.Arg("thread_ts"), Is.EqualTo("1.000001"));
/// </code>
/// </example>
public sealed class FakeSlackApi : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeResponse>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeResponse> _defaults = new(StringComparer.Ordinal);
    private readonly List<RecordedCall> _calls = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sequence;

    private FakeSlackApi(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
    }

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Root { get; }

    /// <summary><c>http://127.0.0.1:{port}/api/</c>, the value for <c>Slack:ApiBaseUrl</c>.</summary>
    public Uri ApiBaseUrl => new(Root, "api/");

    /// <summary>
    /// The team an unscripted <c>auth.test</c> names (a configured bot token serves only that team);
    /// the default is the team of the host tests' payloads.
    /// </summary>
    public string TeamId { get; set; } = "T0001";

    /// <summary>Every call so far, in arrival order.</summary>
    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public static async Task<FakeSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FakeSlackApi).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeSlackApi? fake = null;
        app.Run(context => fake is null ? Task.CompletedTask : fake.HandleAsync(context));
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel did not report its address.");
        var address = addresses.Addresses.First();
        fake = new FakeSlackApi(app, new Uri(address.EndsWith('/') ? address : address + "/"));
        return fake;
    }

    /// <summary>A URL on this server to hand out as a <c>response_url</c>; calls to it are recorded under <c>hooks/{name}</c>.</summary>
    public Uri ResponseUrl(string name = "response") => new(Root, "hooks/" + name);

    /// <summary>Answers the next calls to <paramref name="method"/> with <paramref name="responses"/>, in order, one use each.</summary>
    public FakeSlackApi Enqueue(string method, params FakeResponse[] responses)
    {
        var queue = _scripts.GetOrAdd(method, _ => new ConcurrentQueue<FakeResponse>());
        foreach (var response in responses)
        {
            queue.Enqueue(response);
        }

        return this;
    }

    /// <summary>Answers every call to <paramref name="method"/> with <paramref name="response"/> once its queue is empty.</summary>
    public FakeSlackApi SetDefault(string method, FakeResponse response)
    {
        _defaults[method] = response;
        return this;
    }

    public IReadOnlyList<RecordedCall> CallsTo(string method) => [.. Calls.Where(c => c.Method == method)];

    /// <summary>Waits (with a real-time timeout, default 10 s) until <paramref name="method"/> has been called <paramref name="count"/> times; returns that call.</summary>
    public async Task<RecordedCall> WaitForCallAsync(string method, int count = 1, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultWait);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var matching = _calls.Where(c => c.Method == method).ToList();
                if (matching.Count >= count)
                {
                    return matching[count - 1];
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"FakeSlackApi: expected {count} call(s) to {method}; got {CallsTo(method).Count}.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value?.TrimStart('/') ?? "";
        var method = path.StartsWith("api/", StringComparison.Ordinal) ? path["api/".Length..] : path;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var call = Record(method, request, body);

        var response = _scripts.TryGetValue(method, out var queue) && queue.TryDequeue(out var next) ? next
            : _defaults.TryGetValue(method, out var fallback) ? fallback
            : DefaultAnswer(call);

        using var abort = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            if (response.Hang)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, abort.Token);
            }
            else if (response.Delay > TimeSpan.Zero)
            {
                await Task.Delay(response.Delay, abort.Token);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        context.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = response.ContentType;
        await context.Response.WriteAsync(response.Body, context.RequestAborted);
    }

    private RecordedCall Record(string method, HttpRequest request, string body)
    {
        var contentType = request.ContentType ?? "";
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            args[key] = value.ToString();
        }

        JsonElement? json = null;
        if (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var (key, value) in QueryHelpers.ParseQuery(body))
            {
                args[key] = value.ToString();
            }
        }
        else if (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) && body.Length > 0)
        {
            using var document = JsonDocument.Parse(body);
            json = document.RootElement.Clone();
            if (json.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in json.Value.EnumerateObject())
                {
                    args[property.Name] = property.Value.ValueKind == JsonValueKind.String
                        ? property.Value.GetString() ?? ""
                        : property.Value.GetRawText();
                }
            }
        }

        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var call = new RecordedCall(method, request.Method, headers, contentType, body, args, json);
        lock (_gate)
        {
            _calls.Add(call);
            var changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.SetResult();
        }

        return call;
    }

    /// <summary>The answer to an unscripted call: <c>ok:true</c> with the fields our client reads.</summary>
    public FakeResponse DefaultAnswer(RecordedCall call)
    {
        if (call.Method is "views.publish" or "views.open" && ViewProblem(call) is { } problem)
        {
            return problem;
        }

        var ts = string.Create(CultureInfo.InvariantCulture, $"1700000000.{Interlocked.Increment(ref _sequence):D6}");
        var channel = call.Arg("channel") ?? "C0FAKE0001";
        JsonObject answer = call.Method switch
        {
            "auth.test" => new() { ["url"] = "https://fake.slack.com/", ["team"] = "Fake", ["user"] = "asynccoach", ["team_id"] = TeamId, ["user_id"] = "U0BOT00001", ["bot_id"] = "B0FAKE0001" },
            "users.info" => new() { ["user"] = new JsonObject { ["id"] = call.Arg("user") ?? "U0FAKE0001", ["name"] = "someone", ["tz"] = "Europe/London", ["tz_offset"] = 0, ["profile"] = new JsonObject { ["display_name"] = "someone", ["real_name"] = "Some One" } } },
            "conversations.info" => new() { ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "general", ["is_channel"] = true, ["num_members"] = 2 } },
            "conversations.members" => new() { ["members"] = new JsonArray(), ["response_metadata"] = new JsonObject { ["next_cursor"] = "" } },
            "conversations.open" => new() { ["channel"] = new JsonObject { ["id"] = "D0FAKE0001" } },
            "chat.postEphemeral" => new() { ["message_ts"] = ts },
            "chat.postMessage" => new() { ["channel"] = channel, ["ts"] = ts },
            "chat.scheduleMessage" => new() { ["channel"] = channel, ["scheduled_message_id"] = "Q0FAKE" + _sequence, ["post_at"] = call.Arg("post_at") },
            "views.publish" => new() { ["view"] = new JsonObject { ["id"] = "V0FAKE0001", ["type"] = "home", ["hash"] = ts } },
            "views.open" => new() { ["view"] = new JsonObject { ["id"] = "V0FAKE0002", ["type"] = "modal", ["hash"] = ts } },
            _ => [],
        };
        return FakeResponse.Ok(answer);
    }

    /// <summary>
    /// What Slack refuses in a view (slack-platform.md §7, §11): a missing target, a view that is
    /// not the method's type, more than 100 blocks, more than 250 kB. Answered as Slack does:
    /// <c>invalid_arguments</c> with <c>response_metadata.messages</c>, or <c>view_too_large</c>.
    /// </summary>
    private static FakeResponse? ViewProblem(RecordedCall call)
    {
        if (Encoding.UTF8.GetByteCount(call.Body) > 250 * 1024)
        {
            return FakeResponse.Error("view_too_large");
        }

        var (target, type) = call.Method == "views.open" ? ("trigger_id", "modal") : ("user_id", "home");
        var messages = new List<string>();
        if (string.IsNullOrEmpty(call.Arg(target)))
        {
            messages.Add($"[ERROR] missing required field: {target}");
        }

        if (call.Json is not { ValueKind: JsonValueKind.Object } json || !json.TryGetProperty("view", out var view) || view.ValueKind != JsonValueKind.Object)
        {
            messages.Add("[ERROR] missing required field: view");
        }
        else
        {
            if (!view.TryGetProperty("type", out var viewType) || viewType.GetString() != type)
            {
                messages.Add($"[ERROR] must be {type} [json-pointer:/view/type]");
            }

            if (!view.TryGetProperty("blocks", out var blocks) || blocks.ValueKind != JsonValueKind.Array)
            {
                messages.Add("[ERROR] missing required field: blocks [json-pointer:/view]");
            }
            else if (blocks.GetArrayLength() > 100)
            {
                messages.Add("[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]");
            }

            if (type == "modal" && !view.TryGetProperty("title", out _))
            {
                messages.Add("[ERROR] missing required field: title [json-pointer:/view]");
            }
        }

        if (messages.Count == 0)
        {
            return null;
        }

        var body = new JsonObject
        {
            ["ok"] = false,
            ["error"] = "invalid_arguments",
            ["response_metadata"] = new JsonObject { ["messages"] = new JsonArray([.. messages.Select(m => JsonValue.Create(m))]) },
        };
        return new FakeResponse(200, body.ToJsonString());
    }
}

/// <summary>How the fake answers one call.</summary>
public sealed record FakeResponse(int StatusCode, string Body)
{
    public string ContentType { get; init; } = "application/json; charset=utf-8";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Real-time delay before answering (cancelled if the client gives up).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Never answer; the request ends only when the client aborts it (e.g. its attempt timeout).</summary>
    public bool Hang { get; init; }

    /// <summary><c>{"ok":true, …fields}</c>; <paramref name="fields"/> is a JSON object or null.</summary>
    public static FakeResponse Ok(string? fields = null) =>
        Ok(fields is null ? [] : JsonNode.Parse(fields)?.AsObject() ?? []);

    public static FakeResponse Ok(JsonObject fields)
    {
        var body = new JsonObject { ["ok"] = true };
        foreach (var (key, value) in fields)
        {
            body[key] = value?.DeepClone();
        }

        return new FakeResponse(200, body.ToJsonString());
    }

    /// <summary>HTTP 200 with <c>{"ok":false,"error":…}</c>, as Slack reports almost every error.</summary>
    public static FakeResponse Error(string error, string? needed = null, string? provided = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error"] = error };
        if (needed is not null)
        {
            body["needed"] = needed;
        }

        if (provided is not null)
        {
            body["provided"] = provided;
        }

        return new FakeResponse(200, body.ToJsonString());
    }

    /// <summary>HTTP 429 with <c>Retry-After</c> and the usual <c>ratelimited</c> body.</summary>
    public static FakeResponse RateLimited(int retryAfterSeconds) =>
        new(429, """{"ok":false,"error":"ratelimited"}""")
        {
            Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(CultureInfo.InvariantCulture) },
        };

    /// <summary>A bare server error with a non-JSON body, like a load balancer's.</summary>
    public static FakeResponse ServerError(int statusCode = 500) =>
        new(statusCode, "<html>upstream error</html>") { ContentType = "text/html" };

    public static FakeResponse Text(string text, int statusCode = 200) =>
        new(statusCode, text) { ContentType = "text/plain; charset=utf-8" };

    public static FakeResponse Hanging() => new(200, "") { Hang = true };
}

/// <summary>One call the fake received. <see cref="Args"/> merges query, form fields and top-level JSON properties.</summary>
public sealed record RecordedCall(
    string Method,
    string HttpMethod,
    IReadOnlyDictionary<string, string> Headers,
    string ContentType,
    string Body,
    IReadOnlyDictionary<string, string> Args,
    JsonElement? Json)
{
    /// <summary>A form field or JSON property (strings as-is, anything else as raw JSON), or null.</summary>
    public string? Arg(string name) => Args.TryGetValue(name, out var value) ? value : null;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

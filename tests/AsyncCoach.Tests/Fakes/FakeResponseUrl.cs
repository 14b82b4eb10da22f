using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AsyncCoach.Tests.Fakes;

/// <summary>
/// Stands in for Slack's <c>response_url</c> hooks: a real Kestrel on loopback that records each
/// JSON post (path and body) and answers <c>ok</c>, like hooks.slack.com. Await posts, never sleep.
/// </summary>
public sealed class FakeResponseUrl : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<(string Path, JsonObject Body)> _posts = Channel.CreateUnbounded<(string, JsonObject)>();

    private FakeResponseUrl(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public static async Task<FakeResponseUrl> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeResponseUrl? fake = null;
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject ?? [];
            fake!._posts.Writer.TryWrite((http.Request.Path.Value ?? "", body));
            return Results.Text("ok");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake = new FakeResponseUrl(app, new Uri(address.TrimEnd('/') + "/"));
        return fake;
    }

    public Uri Url(string name) => new(BaseUri, $"hooks/{name}");

    /// <summary>The next post received, within a few seconds.</summary>
    public async Task<(string Path, JsonObject Body)> NextAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _posts.Reader.ReadAsync(cts.Token);
    }

    public bool TryTake(out (string Path, JsonObject Body) post) => _posts.Reader.TryRead(out post);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

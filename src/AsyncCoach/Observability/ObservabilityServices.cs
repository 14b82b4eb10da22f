using AsyncCoach.Inbox;
using AsyncCoach.Slack.WebApi;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AsyncCoach.Observability;

/// <summary>Metrics and traces: always counted (cheap when nobody listens), exported when <c>Metrics:Enabled</c>.</summary>
public static class ObservabilityServices
{
    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MetricsOptions>, MetricsOptionsValidator>();
        services.AddMetrics();
        services.AddSingleton<AsyncCoachMetrics>();
        services.AddSingleton<IInboxObserver, InboxMetricsObserver>();
        services.AddSingleton<AckStageRecorder>();

        // Added after AddSlackWebApi's resilience handler, so it is inside it and sees every attempt;
        // the single-attempt client (the outbox's) has no pipeline, so it sees its one attempt.
        services.AddTransient<SlackCallMetricsHandler>();
        services.AddHttpClient(SlackWebApiClientFactory.HttpClientName).AddHttpMessageHandler<SlackCallMetricsHandler>();
        services.AddHttpClient(SlackWebApiClientFactory.SingleAttemptClientName).AddHttpMessageHandler<SlackCallMetricsHandler>();

        var options = Read(configuration);
        if (!options.Enabled)
        {
            return services;
        }

        var otlp = options.OtlpUri;
        var telemetry = services.AddOpenTelemetry();
        telemetry.WithMetrics(metrics =>
        {
            // System.Runtime: the runtime's own meter (GC, thread pool, exceptions), no package needed.
            metrics.AddMeter(AsyncCoachMetrics.MeterName, "System.Runtime");
            // Not cached: each scrape reads the instruments afresh (one scraper every few seconds costs little).
            metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
            if (otlp is not null)
            {
                metrics.AddOtlpExporter(o => Otlp(o, otlp, "v1/metrics"));
            }
        });
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing.AddSource(AsyncCoachTracing.SourceName).AddOtlpExporter(o => Otlp(o, otlp, "v1/traces")));
        }

        return services;
    }

    /// <summary>
    /// <c>/metrics</c>: on the main listener, or with <c>Metrics:Port</c> on a listener of its own
    /// (same interface as the main one) that serves nothing else, while the main one does not serve it.
    /// </summary>
    public static WebApplication MapObservability(this WebApplication app)
    {
        var stages = app.Services.GetRequiredService<AckStageRecorder>();
        if (stages.Enabled)
        {
            app.Use(stages.TimeAsync);
            app.Lifetime.ApplicationStopping.Register(stages.Write);
        }

        var options = Read(app.Configuration);
        if (!options.Enabled)
        {
            return app;
        }

        if (options.Port is not { } port)
        {
            app.MapPrometheusScrapingEndpoint("/metrics");
            return app;
        }

        var main = ListenAddresses.MainUrls(app.Configuration);
        if (port is < 1 or > 65535 || ListenAddresses.Ports(main).Contains(port))
        {
            // Invalid: MetricsOptionsValidator stops the start, naming the key.
            return app;
        }

        // Setting the addresses here replaces the configured ones, so those are set again first.
        foreach (var url in main)
        {
            app.Urls.Add(url);
        }

        app.Urls.Add(ListenAddresses.MetricsUrl(main, port));
        app.MapWhen(http => http.Connection.LocalPort == port, metricsOnly =>
        {
            metricsOnly.UseOpenTelemetryPrometheusScrapingEndpoint("/metrics");
            metricsOnly.Run(http =>
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
        return app;
    }

    private static MetricsOptions Read(IConfiguration configuration)
    {
        var options = new MetricsOptions();
        try
        {
            configuration.GetSection(MetricsOptions.Section).Bind(options);
        }
        catch (InvalidOperationException)
        {
            // A value of the wrong type (Metrics:Port=abc): the options binding at start reports it, naming the key.
            return new MetricsOptions();
        }

        return options;
    }

    private static void Otlp(OtlpExporterOptions options, Uri endpoint, string signal)
    {
        options.Protocol = OtlpExportProtocol.HttpProtobuf;
        options.Endpoint = new Uri(endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/"), signal);
    }
}

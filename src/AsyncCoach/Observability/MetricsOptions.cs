namespace AsyncCoach.Observability;

/// <summary>Metrics and traces export, bound from the <c>Metrics</c> section (docs/observability.md).</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Serves Prometheus text at <c>/metrics</c> (and exports to <see cref="OtlpEndpoint"/> if set).</summary>
    public bool Enabled { get; set; }

    /// <summary>A port of its own for <c>/metrics</c> (on the main listener's interface); then the main listener does not serve it.</summary>
    public int? Port { get; set; }

    /// <summary>An OpenTelemetry collector (OTLP over HTTP/protobuf, e.g. <c>http://otel-collector:4318</c>): metrics and traces go there too.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The OTLP endpoint as a URL, when it is a valid absolute http(s) one.</summary>
    public Uri? OtlpUri =>
        Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
}

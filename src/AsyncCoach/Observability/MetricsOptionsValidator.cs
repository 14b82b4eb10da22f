using System.Globalization;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Observability;

/// <summary>Settings of the metrics export that cannot work stop the service at start, naming the key.</summary>
public sealed class MetricsOptionsValidator(IConfiguration configuration) : IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsOptions options)
    {
        string? failure = options switch
        {
            { Port: < 1 or > 65535 } => string.Create(CultureInfo.InvariantCulture,
                $"Metrics:Port must be between 1 and 65535, not {options.Port}; set Metrics__Port, e.g. 9464, or leave it empty to serve /metrics on the main listener."),
            { Port: { } port } when ListenAddresses.Ports(ListenAddresses.MainUrls(configuration)).Contains(port) => string.Create(CultureInfo.InvariantCulture,
                $"Metrics:Port {port} is the main listener's port; set Metrics__Port to another, e.g. 9464, or leave it empty to serve /metrics on the main listener."),
            { OtlpEndpoint: { Length: > 0 } endpoint, OtlpUri: null } =>
                $"Metrics:OtlpEndpoint must be an absolute http or https URL, not '{endpoint}'; set Metrics__OtlpEndpoint, e.g. http://otel-collector:4318.",
            _ => null,
        };
        return failure is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failure);
    }
}

using Microsoft.Extensions.Time.Testing;

namespace AsyncCoach.Tests.Providers;

/// <summary>
/// A store contract suite run once per provider (<c>[TestFixture("Sqlite")] [TestFixture("Postgres")]</c>
/// on the subclass): a fresh, migrated provider per test on a fake clock starting at <see cref="Start"/>.
/// </summary>
public abstract class ProviderSuite(string provider)
{
    protected static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private ProviderUnderTest? _provider;

    protected FakeTimeProvider Time { get; } = new(Start);

    protected ProviderUnderTest Provider => _provider ?? throw new InvalidOperationException("The provider is created in SetUp.");

    [SetUp]
    public async Task CreateProvider() => _provider = await ProviderUnderTest.CreateAsync(provider, Time);

    [TearDown]
    public async Task DisposeProvider()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }
}

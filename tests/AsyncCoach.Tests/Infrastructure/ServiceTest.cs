namespace AsyncCoach.Tests.Infrastructure;

/// <summary>A fresh service (real Kestrel, own SQLite file) and a client for each test.</summary>
public abstract class ServiceTest
{
    protected AsyncCoachFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    [SetUp]
    public void StartService()
    {
        Factory = new AsyncCoachFactory();
        Client = Factory.CreateRealClient();
    }

    [TearDown]
    public async Task StopService()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        Factory.DeleteDatabase();
    }
}

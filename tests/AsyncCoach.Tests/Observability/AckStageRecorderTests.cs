using AsyncCoach.Observability;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AsyncCoach.Tests.Observability;

public sealed class AckStageRecorderTests
{
    [Test]
    public async Task Timings_are_written_as_csv_to_the_configured_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ack-stages-{Guid.NewGuid():N}.csv");
        try
        {
            var logger = new FakeLogger<AckStageRecorder>();
            var recorder = await RecordOneAsync(path, logger);

            recorder.Write();

            var lines = await File.ReadAllLinesAsync(path);
            Assert.That(lines, Has.Length.EqualTo(2));
            Assert.That(lines[0], Does.StartWith("start_s,enqueued_us"));
            Assert.That(logger.LatestRecord.Id.Id, Is.EqualTo(4370));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task A_file_that_cannot_be_written_gets_a_warning_naming_it_not_an_exception_at_stop()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}", "stages.csv");
        var logger = new FakeLogger<AckStageRecorder>();
        var recorder = await RecordOneAsync(path, logger);

        Assert.DoesNotThrow(recorder.Write);

        var record = logger.LatestRecord;
        Assert.That(record.Id.Id, Is.EqualTo(4371));
        Assert.That(record.Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(record.Message, Does.Contain(path).And.Contain(AckStageRecorder.FileKey));
        Assert.That(record.Exception, Is.Null);
    }

    // One request through the middleware that reached the group commit, so there is a sample to write.
    private static async Task<AckStageRecorder> RecordOneAsync(string path, FakeLogger<AckStageRecorder> logger)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [AckStageRecorder.FileKey] = path })
            .Build();
        var recorder = new AckStageRecorder(configuration, logger);
        Assert.That(recorder.Enabled, Is.True);
        await recorder.TimeAsync(new DefaultHttpContext(), _ =>
        {
            AckStageRecorder.Current!.Enqueued = System.Diagnostics.Stopwatch.GetTimestamp();
            return Task.CompletedTask;
        });
        return recorder;
    }
}

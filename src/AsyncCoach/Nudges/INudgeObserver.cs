namespace AsyncCoach.Nudges;

/// <summary>Told after each delivery attempt is recorded (tests await it instead of sleeping).</summary>
public interface INudgeObserver
{
    void AttemptRecorded(long nudgeId, string outcome);
}

namespace AsyncCoach.Caching;

/// <summary>
/// A store whose cache can be emptied at once: with several instances on one database, when
/// this instance may have missed another's change notices (PostgreSQL's listening connection
/// dropped), everything cached is read again.
/// </summary>
public interface IClearableCache
{
    void ClearCache();
}

namespace AsyncCoach.Storage;

/// <summary>
/// Asks for a person's Home tab to be published, as an outbox row of kind <see cref="Kind"/> whose
/// payload is empty (<c>{}</c>): the page is built when the row is sent, from the state at that
/// moment, so one publish serves every request made while it waited.
/// </summary>
public interface IHomeViewStore
{
    const string Kind = "home";

    /// <summary>
    /// Adds a publish for (team, user), expiring at <paramref name="now"/> + <paramref name="expiry"/>,
    /// unless their latest one is still <c>pending</c> (it will show the same state), or, for a
    /// request that changes nothing (<paramref name="changed"/> false: the tab was opened), their
    /// latest one was asked for less than <paramref name="window"/> ago. Checked and added in one
    /// write transaction, so two requests cannot both add (the new row's key names the publish it
    /// follows: <c>first</c> or <c>after-{id}</c>). Returns the new row's id, or null.
    /// </summary>
    Task<long?> RequestAsync(
        string teamId, string userId, bool changed, TimeSpan window, TimeSpan expiry, DateTimeOffset now, CancellationToken cancellationToken);
}

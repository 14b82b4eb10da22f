using AsyncCoach.Core.Model;

namespace AsyncCoach.Core.Text;

/// <summary>Who a message mentions: users (<c>&lt;@U…&gt;</c>) and the broadcasts <c>here</c>, <c>channel</c>, <c>everyone</c>.</summary>
public sealed record Mentions(IReadOnlyList<UserId> Users, bool Here, bool Channel, bool Everyone)
{
    public static Mentions None { get; } = new([], false, false, false);

    /// <summary>Any of the three broadcasts.</summary>
    public bool AnyBroadcast => Here || Channel || Everyone;

    /// <summary>Mentions a person or broadcasts: what makes a channel message addressed.</summary>
    public bool Any => Users.Count > 0 || AnyBroadcast;
}

using AsyncCoach.Core.Model;
using AsyncCoach.Core.Norms;

namespace AsyncCoach.Core.Tracking;

/// <summary>What the caller pre-loads for a message: its conversation, the people it may reach, the team's norms.</summary>
public sealed record MessageContext(Conversation Conversation, IReadOnlyDictionary<UserId, Person> People, TeamNorms Norms);

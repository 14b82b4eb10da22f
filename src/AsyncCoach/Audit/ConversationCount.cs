using AsyncCoach.Core.Model;

namespace AsyncCoach.Audit;

/// <summary>Findings in one conversation, per rule.</summary>
public sealed record ConversationCount(Conversation Conversation, int Findings, IReadOnlyDictionary<string, int> PerRule);

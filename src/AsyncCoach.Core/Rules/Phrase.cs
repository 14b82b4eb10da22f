namespace AsyncCoach.Core.Rules;

/// <summary>One phrase of one list, split into normalised words.</summary>
internal sealed record Phrase(int Id, int List, string Text, string[] Words);

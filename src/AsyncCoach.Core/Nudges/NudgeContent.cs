namespace AsyncCoach.Core.Nudges;

/// <summary>
/// A nudge as words, before it becomes Block Kit: the fallback <see cref="Text"/>, one mrkdwn
/// paragraph per finding, and the one-line <see cref="Why"/>. The host adds the buttons (they
/// carry the outbox id) and maps this onto Slack's blocks.
/// </summary>
public sealed record NudgeContent(string Text, IReadOnlyList<NudgeParagraph> Paragraphs, string Why);

/// <summary>One finding's suggestion, in mrkdwn.</summary>
public sealed record NudgeParagraph(string RuleId, string Markdown);

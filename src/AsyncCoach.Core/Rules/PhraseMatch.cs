namespace AsyncCoach.Core.Rules;

/// <summary>An occurrence of phrase <see cref="PhraseId"/> covering <see cref="Length"/> words from word <see cref="Start"/>.</summary>
public readonly record struct PhraseMatch(int PhraseId, int List, int Start, int Length)
{
    public int End => Start + Length;
}

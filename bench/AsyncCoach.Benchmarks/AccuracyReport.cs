using AsyncCoach.Core.Evaluation;

namespace AsyncCoach.Benchmarks;

/// <summary>
/// <c>accuracy &lt;folder|file&gt;… [--split dev|test|all] [--misses]</c>: the bench's entry to
/// <see cref="AccuracyCommand"/>, which scores the rules and the classifier on labelled sets.
/// </summary>
public static class AccuracyReport
{
    public static int Run(string[] args, TextWriter output, TextWriter error) => AccuracyCommand.Run(args, output, error);
}

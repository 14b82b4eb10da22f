using System.Globalization;

namespace AsyncCoach.Storage;

/// <summary>Rows deleted, per table (only tables with any): what a retention pass or a team's removal reports.</summary>
public sealed class DeletedRows
{
    private readonly SortedDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Counts => _counts;

    public int Total => _counts.Values.Sum();

    public void Add(string table, int rows)
    {
        if (rows > 0)
        {
            _counts[table] = _counts.GetValueOrDefault(table) + rows;
        }
    }

    public void Add(DeletedRows other)
    {
        foreach (var (table, rows) in other._counts)
        {
            Add(table, rows);
        }
    }

    /// <summary>"findings 12, nudges 3" (or "nothing"), for a log line.</summary>
    public override string ToString() =>
        _counts.Count == 0 ? "nothing" : string.Join(", ", _counts.Select(c => $"{c.Key} {c.Value.ToString(CultureInfo.InvariantCulture)}"));
}

using Microsoft.Data.Sqlite;

namespace AsyncCoach.Tests.Fakes;

/// <summary>
/// A fault to inject at a seam: once armed, lets <c>skip</c> calls through, then fails the next
/// <c>times</c> with what a locked SQLite file throws (SQLITE_BUSY), then lets every call through.
/// </summary>
public sealed class Fault
{
    private readonly Lock _gate = new();
    private int _skip;
    private int _times;

    /// <summary>Calls that met the fault.</summary>
    public int Thrown { get; private set; }

    public void Arm(int times, int skip = 0)
    {
        lock (_gate)
        {
            _skip = skip;
            _times = times;
        }
    }

    /// <summary>Throws when this call is one the fault fails.</summary>
    public void Check()
    {
        lock (_gate)
        {
            if (_times == 0)
            {
                return;
            }

            if (_skip > 0)
            {
                _skip--;
                return;
            }

            _times--;
            Thrown++;
        }

        throw new SqliteException("SQLite Error 5: 'database is locked'.", 5);
    }
}

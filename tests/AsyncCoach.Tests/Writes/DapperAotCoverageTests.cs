using System.Reflection;
using System.Text.RegularExpressions;
using AsyncCoach.Storage.Sqlite;

namespace AsyncCoach.Tests.Writes;

/// <summary>
/// Dapper.AOT leaves a call it cannot compile on reflection-based Dapper, sometimes without a word
/// (an inline lambda building the parameters was enough). Under the JIT that still works, so no
/// other test notices; after a native AOT publish it throws. This compares every Dapper call in
/// the service's source with the interceptors compiled into the service.
/// </summary>
public sealed partial class DapperAotCoverageTests
{
    [Test]
    public void Every_Dapper_call_in_the_service_is_compiled_ahead_of_time()
    {
        var calls = DapperCallSites();
        var intercepted = InterceptedLocations();

        Assert.That(calls, Is.Not.Empty, "the source scan found no Dapper call at all; the scan is broken");
        Assert.That(calls.Except(intercepted).ToList(), Is.Empty,
            "these Dapper calls are left to reflection-based Dapper (they fail after a native AOT publish); see Dapper.AOT's notes in the build's SARIF log");
    }

    private static HashSet<string> DapperCallSites()
    {
        var root = Path.Combine(RepositoryRoot(), "src", "AsyncCoach");
        var sites = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file);
            if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            if (!lines.Any(l => l.Trim() == "using Dapper;"))
            {
                continue;
            }

            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match match in DapperCall().Matches(lines[i]))
                {
                    // ADO.NET's own DbCommand.ExecuteScalar(Async) is not Dapper's.
                    if (!match.Groups["receiver"].Value.EndsWith("command", StringComparison.OrdinalIgnoreCase))
                    {
                        sites.Add($"{Path.GetFileName(file)}:{i + 1}");
                    }
                }
            }
        }

        return sites;
    }

    /// <summary>
    /// Where Dapper.AOT's interceptors apply: its generated, file-local InterceptsLocation attribute
    /// (path, line, column) stays in the metadata of a Debug build, the one the tests run.
    /// </summary>
    private static HashSet<string> InterceptedLocations()
    {
        var locations = new HashSet<string>(StringComparer.Ordinal);
        // Other generators (request delegates, configuration binding) intercept too, with another form.
        foreach (var type in typeof(SqliteDatabase).Assembly.GetTypes().Where(t => t.Namespace == "Dapper.AOT"))
        {
            foreach (var method in type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                foreach (var attribute in method.CustomAttributes.Where(a => a.AttributeType.Name.EndsWith("InterceptsLocationAttribute", StringComparison.Ordinal)))
                {
                    var path = (string)attribute.ConstructorArguments[0].Value!;
                    var line = (int)attribute.ConstructorArguments[1].Value!;
                    locations.Add($"{Path.GetFileName(path)}:{line}");
                }
            }
        }

        return locations;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AsyncCoach.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("AsyncCoach.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }

    [GeneratedRegex(@"(?<receiver>[\w.]+)\.(?:Query|QueryAsync|QueryFirst\w*|QuerySingle\w*|QueryMultiple\w*|QueryUnbuffered\w*|Execute|ExecuteAsync|ExecuteScalar|ExecuteScalarAsync|ExecuteReader\w*)(?:<[^()]*>)?\(")]
    private static partial Regex DapperCall();
}

namespace AsyncCoach.Cli;

/// <summary>What `classify` was asked to do, or why the arguments are not usable.</summary>
internal sealed record ClassifyOptions(string? Task, string? File, string Format, bool Help)
{
    public static (ClassifyOptions? Options, string? Error) Parse(string[] args)
    {
        var words = new List<string>();
        string? file = null;
        string? format = null;
        var help = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var (name, inline) = arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0
                ? (arg[..eq], arg[(eq + 1)..])
                : (arg, null);
            switch (name)
            {
                case "--help" or "-h":
                    help = true;
                    break;
                case "--format" or "--file":
                    var value = inline ?? (i + 1 < args.Length ? args[++i] : null);
                    if (string.IsNullOrWhiteSpace(value))
                    {
                        return (null, $"{name} needs a value.");
                    }

                    if (name == "--format")
                    {
                        format = value;
                    }
                    else
                    {
                        file = value;
                    }

                    break;
                case "--":
                    words.AddRange(args.Skip(i + 1));
                    i = args.Length;
                    break;
                case var option when option.StartsWith('-') && option != "-":
                    return (null, $"unknown option '{option}'.");
                default:
                    words.Add(arg);
                    break;
            }
        }

        if (help)
        {
            return (new ClassifyOptions(null, null, "text", Help: true), null);
        }

        var task = words.Count == 0 ? null : string.Join(' ', words).Trim();
        return (file, task, format) switch
        {
            (null, null or "", _) => (null, "missing task text: classify \"<task>\" or classify --file <path>."),
            (not null, not null, _) => (null, "give either a task or --file, not both."),
            (null, _, not (null or "text" or "json")) when format is "jsonl" => (null, "--format jsonl needs --file; use --format json for one task."),
            (null, _, not (null or "text" or "json")) => (null, $"unknown format '{format}' (use text or json)."),
            (not null, _, not (null or "text" or "jsonl")) => (null, $"unknown format '{format}' for --file (use text or jsonl)."),
            _ => (new ClassifyOptions(task, file, format ?? "text", Help: false), null),
        };
    }
}

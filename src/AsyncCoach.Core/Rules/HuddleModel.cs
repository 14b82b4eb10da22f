using System.Buffers.Binary;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Text;

namespace AsyncCoach.Core.Rules;

/// <summary>
/// A small linear model (averaged perceptron over hashed features) for one act: does this message
/// propose a live call or meeting now, instead of writing? It reads the words, their pairs, the words
/// around each call word, 3- and 4-letter runs, the message's shape (a question, a mention, a quote or
/// code removed, its length, a time word, a past tense, a negation before the call word) and what the
/// call grammar found (<see cref="HuddleSignals"/>: its proposal and its vetoes), so it learns how far
/// to trust each. <see cref="HuddleInsteadOfThreadRule"/> asks it only where a cheap gate says a call
/// may be named (docs/rules.md, huddle "seventh pass"). The weights are an embedded resource written by
/// <c>bench … train-huddle</c> (<see cref="HuddleModelTrainer"/>); training is deterministic.
/// </summary>
public sealed class HuddleModel
{
    /// <summary>Features are hashed into 2^<c>Bits</c> weights.</summary>
    public const int Bits = 18;

    /// <summary>The most words of a message the model reads (the rest is ignored).</summary>
    public const int MaxWords = 48;

    /// <summary>Room for every feature of a message of <see cref="MaxWords"/> words.</summary>
    internal const int MaxFeatures = 1536;

    private const int Size = 1 << Bits;
    private const int MaxChars = 320;
    private const uint Magic = 0x31484841; // "AHH1"
    private const string ResourceName = "AsyncCoach.Core.Rules.huddle-model.bin";

    private static readonly Lazy<HuddleModel> LazyDefault = new(LoadDefault);

    private readonly float[] _weights;

    public HuddleModel(float[] weights, float threshold, float keepThreshold, HuddleFeatureSet featureSet = HuddleFeatureSet.All)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != Size)
        {
            throw new ArgumentException($"A model has {Size} weights, not {weights.Length}.", nameof(weights));
        }

        _weights = weights;
        Threshold = threshold;
        KeepThreshold = keepThreshold;
        FeatureSet = featureSet;
    }

    /// <summary>The kinds of feature this model reads.</summary>
    public HuddleFeatureSet FeatureSet { get; }

    /// <summary>The embedded model.</summary>
    public static HuddleModel Default => LazyDefault.Value;

    /// <summary>A score above this adds a finding the grammar did not make: "proposes a call now".</summary>
    public float Threshold { get; }

    /// <summary>A grammar finding stands while the score is above this (at or below: the model overrules it).</summary>
    public float KeepThreshold { get; }

    /// <summary>The same weights with other thresholds (for choosing them by held-out scores).</summary>
    public HuddleModel WithThresholds(float threshold, float keepThreshold) => new(_weights, threshold, keepThreshold, FeatureSet);

    /// <summary>The weights (for the trainer's tests).</summary>
    internal ReadOnlySpan<float> Weights => _weights;

    /// <summary>The linear score of the message's features.</summary>
    internal float Score(in RuleContext context, HuddleSignals signals)
    {
        Span<int> features = stackalloc int[MaxFeatures];
        var count = Features(context, signals, FeatureSet, features, null);
        var score = 0f;
        foreach (var feature in features[..count])
        {
            score += _weights[feature];
        }

        return score;
    }

    /// <summary>The features that pushed the score up most, readable ("word 'ring'", "after a call word 'now'"). Allocates; call only to explain.</summary>
    internal IReadOnlyList<string> Explain(in RuleContext context, HuddleSignals signals, int top = 3)
    {
        Span<int> features = stackalloc int[MaxFeatures];
        var names = new List<string>();
        var count = Features(context, signals, FeatureSet, features, names);
        var named = new List<(string Name, float Weight)>();
        for (var i = 0; i < count; i++)
        {
            named.Add((names[i], _weights[features[i]]));
        }

        return named.Where(f => f.Weight > 0).OrderByDescending(f => f.Weight).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => f.Name).Distinct().Take(top).ToList();
    }

    /// <summary>
    /// The hashed features of a message (see the class summary); with <paramref name="names"/>, also a
    /// readable name for each, in the same order (explanations only: the engine passes null and
    /// allocates nothing). Returns the count written.
    /// </summary>
    internal static int Features(in RuleContext context, HuddleSignals signals, HuddleFeatureSet set, Span<int> destination, List<string>? names)
    {
        var writer = new FeatureWriter(destination, names);
        var words = context.Words.Length > MaxWords ? context.Words[..MaxWords] : context.Words;
        var text = context.Text;
        writer.Add('1', [], "bias");
        var shape = (set & HuddleFeatureSet.Shape) != 0;
        if (shape)
        {
            var direct = context.Message.Kind.IsDirect();
            writer.Add('k', direct ? "d" : "c", direct ? "a direct message" : "a channel message");
            AddFlag(ref writer, context.Features, TextFeatures.Question, "a question");
            AddFlag(ref writer, context.Features, TextFeatures.UserMention, "a mention");
            AddFlag(ref writer, context.Features, TextFeatures.Broadcast, "a broadcast");
            AddFlag(ref writer, context.Features, TextFeatures.Quote, "a quote");
            AddFlag(ref writer, context.Features, TextFeatures.Code, "code");
            AddFlag(ref writer, context.Features, TextFeatures.Link, "a link");
            var length = words.Length switch { <= 3 => 'a', <= 6 => 'b', <= 10 => 'c', <= 16 => 'd', <= 28 => 'e', _ => 'f' };
            writer.Add('n', [length], names is null ? null : $"length {length}");
        }

        if ((set & HuddleFeatureSet.Signals) != 0)
        {
            AddSignals(ref writer, context, signals, names);
        }

        var past = false;
        var soon = false;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i].Of(text);
            if ((set & HuddleFeatureSet.Words) != 0)
            {
                writer.Add('w', word, names is null ? null : $"word '{word}'");
            }

            if ((set & HuddleFeatureSet.Pairs) != 0 && i + 1 < words.Length)
            {
                var pair = text[words[i].Start..(words[i + 1].Start + words[i + 1].Length)];
                writer.Add('b', pair, names is null ? null : $"words '{pair}'");
            }

            past |= (word.Length > 4 && word.EndsWith("ed")) || word is "had" or "was" or "were" or "did" or "yesterday" or "earlier" or "ago";
            soon |= word is "now" or "rn" or "asap" or "today" or "tonight" or "quick" or "quickly" or "real" or "sec" or "min" or "mins" or "minutes" or "5" or "10" or "15";
            var callWord = CallShapes.IsMedium(word) || word is "call" or "ring" or "phone" or "talk" or "chat" or "meet" or "meeting" or "live" or "voice" or "video";
            if ((set & HuddleFeatureSet.Around) != 0 && callWord)
            {
                AddAround(ref writer, context, words, i, names);
            }

            if ((set & HuddleFeatureSet.Acts) != 0 && callWord)
            {
                AddAct(ref writer, context, words, i, names);
            }
        }

        if (shape && past)
        {
            writer.Add('p', [], "a past tense");
        }

        if (shape && soon)
        {
            writer.Add('t', [], "a word of now");
        }

        Span<char> joined = stackalloc char[MaxChars + 2];
        var chars = Join(text, words, joined);
        for (var n = 3; n <= 4 && (set & HuddleFeatureSet.Letters) != 0; n++)
        {
            for (var i = 0; i + n <= chars && !writer.Full; i++)
            {
                var run = joined.Slice(i, n);
                writer.Add('c', run, names is null ? null : $"letters '{run.Trim(' ')}'");
            }
        }

        return writer.Count;
    }

    private static void AddSignals(ref FeatureWriter writer, in RuleContext context, HuddleSignals signals, List<string>? names)
    {
        for (var bit = 1; bit <= (int)HuddleSignals.Together; bit <<= 1)
        {
            if (((int)signals & bit) != 0)
            {
                writer.Add('s', [(char)('a' + System.Numerics.BitOperations.Log2((uint)bit))], names is null ? null : $"grammar: {(HuddleSignals)bit}");
            }
        }

        // call-past (ninth pass) is read by the rule's grammar only: the weights were trained without it. call-reason is
        // read through the grammar's Reason signal only (huddle21): a listed phrase the grammar judged no reason ("doesn't
        // work for the Leeds team", "round the whiteboard") must not weigh as one.
        for (var list = 0; list < PhraseLists.All.Count; list++)
        {
            if (context.Has(list) && list != PhraseLists.CallPastIndex && list != PhraseLists.CallReasonIndex)
            {
                writer.Add('l', [(char)('a' + list)], names is null ? null : $"a {PhraseLists.All[list]} phrase");
            }
        }
    }

    // The two words before and after a call word, by position: "we had a call" and "let's hop on a call"
    // differ there, whatever the words around them.
    private static void AddAround(ref FeatureWriter writer, in RuleContext context, ReadOnlySpan<Word> words, int at, List<string>? names)
    {
        var negated = false;
        for (var d = -3; d <= 2; d++)
        {
            var i = at + d;
            if (d == 0 || i < 0 || i >= words.Length)
            {
                continue;
            }

            var word = words[i].Of(context.Text);
            negated |= d < 0 && word is "no" or "not" or "dont" or "didnt" or "wont" or "cant" or "never" or "without" or "nt";
            if (d >= -2)
            {
                writer.Add('x', (char)('m' + d), word, names is null ? null : d < 0 ? $"'{word}' before a call word" : $"'{word}' after a call word");
            }
        }

        if (negated)
        {
            writer.Add('g', [], "a negation before a call word");
        }
    }

    // What the call word's clause does, by how it opens and whether a condition is in it (huddle21): "let's / can we / how
    // about …" proposes, "call me / hop on …" bids, "we / they / the client …" reports or describes, "if / when …" sets a condition.
    private static void AddAct(ref FeatureWriter writer, in RuleContext context, ReadOnlySpan<Word> words, int at, List<string>? names)
    {
        var start = context.ClauseStart(at);

        var opener = words[start].Of(context.Text);
        var act = opener switch
        {
            "lets" or "let" or "shall" or "how" or "what" or "why" or "can" or "could" or "would" or "wanna" or "fancy" or "free" or "any" or "anyone" or "quick" or "up" or "pls" or "please" or "kindly" => 'p',
            "call" or "ring" or "phone" or "join" or "hop" or "jump" or "pop" or "swing" or "come" or "grab" or "give" or "get" or "ping" or "buzz" => 'b',
            "we" or "i" or "they" or "he" or "she" or "the" or "our" or "my" or "their" or "his" or "her" or "it" or "its" or "that" or "this" or "there" or "were" or "ive" or "weve" or "had" => 'r',
            "if" or "when" or "once" or "after" or "before" or "whenever" or "unless" => 'c',
            _ => start == at ? 'm' : 'o',
        };
        writer.Add('o', [act], names is null ? null : act switch
        {
            'p' => "a call word's clause opens a proposal",
            'b' => "a call word's clause opens with a bid",
            'r' => "a call word's clause opens with a subject",
            'c' => "a call word's clause opens with a condition",
            'm' => "a call word opens its clause",
            _ => "a call word's clause opens otherwise",
        });

        for (var i = at + 1; i < words.Length && i - at <= 6 && !context.ClauseBreakBetween(at, i); i++)
        {
            if (words[i].Of(context.Text) is "if" or "incase" or "unless")
            {
                writer.Add('i', [], "a condition after a call word");
                break;
            }
        }
    }

    private static void AddFlag(ref FeatureWriter writer, TextFeatures features, TextFeatures flag, string name)
    {
        if ((features & flag) != 0)
        {
            writer.Add('f', [(char)('a' + System.Numerics.BitOperations.Log2((uint)flag))], name);
        }
    }

    // " w1 w2 … " with single spaces, cut at MaxChars.
    private static int Join(ReadOnlySpan<char> text, ReadOnlySpan<Word> words, Span<char> joined)
    {
        var length = 0;
        joined[length++] = ' ';
        foreach (var word in words)
        {
            var chars = word.Of(text);
            if (length + chars.Length + 1 > MaxChars)
            {
                break;
            }

            chars.CopyTo(joined[length..]);
            length += chars.Length;
            joined[length++] = ' ';
        }

        return length;
    }

    /// <summary>Writes the model: magic, bits, threshold, keep threshold, feature set, then the count of non-zero weights and (index, weight) for each, in index order.</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> buffer = stackalloc byte[20];
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(buffer[4..], Bits);
        BinaryPrimitives.WriteSingleLittleEndian(buffer[8..], Threshold);
        BinaryPrimitives.WriteSingleLittleEndian(buffer[12..], KeepThreshold);
        BinaryPrimitives.WriteInt32LittleEndian(buffer[16..], (int)FeatureSet);
        stream.Write(buffer);
        LinearWeights.WriteSparse(stream, _weights);
    }

    /// <summary>Reads a model written by <see cref="Write"/>; a stream of another shape is an <see cref="InvalidDataException"/>.</summary>
    public static HuddleModel Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> buffer = stackalloc byte[20];
        stream.ReadExactly(buffer);
        if (BinaryPrimitives.ReadUInt32LittleEndian(buffer) != Magic || BinaryPrimitives.ReadInt32LittleEndian(buffer[4..]) != Bits)
        {
            throw new InvalidDataException("Not a huddle model of this version (magic or feature bits differ).");
        }

        var threshold = BinaryPrimitives.ReadSingleLittleEndian(buffer[8..]);
        var keepThreshold = BinaryPrimitives.ReadSingleLittleEndian(buffer[12..]);
        var featureSet = (HuddleFeatureSet)BinaryPrimitives.ReadInt32LittleEndian(buffer[16..]);
        return new HuddleModel(LinearWeights.ReadSparse(stream, Size), threshold, keepThreshold, featureSet);
    }

    private static HuddleModel LoadDefault()
    {
        using var stream = typeof(HuddleModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return Read(stream);
    }

    // Hashes features into the destination (FNV-1a over a kind letter and the characters), and names them when asked.
    private ref struct FeatureWriter(Span<int> destination, List<string>? names)
    {
        private readonly Span<int> _destination = destination;

        public int Count { get; private set; }

        public readonly bool Full => Count >= _destination.Length;

        public void Add(char kind, scoped ReadOnlySpan<char> chars, string? name) => Add(kind, '\0', chars, name);

        public void Add(char kind, char sub, scoped ReadOnlySpan<char> chars, string? name)
        {
            if (Full)
            {
                return;
            }

            var hash = 2166136261u;
            hash = (hash ^ kind) * 16777619u;
            hash = sub == '\0' ? hash : (hash ^ sub) * 16777619u;
            foreach (var c in chars)
            {
                hash = (hash ^ c) * 16777619u;
            }

            _destination[Count++] = (int)((hash ^ (hash >> Bits)) & (Size - 1));
            names?.Add(name ?? "");
        }
    }
}

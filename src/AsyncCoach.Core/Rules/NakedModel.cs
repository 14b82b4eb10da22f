using System.Buffers.Binary;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Text;

namespace AsyncCoach.Core.Rules;

/// <summary>
/// A small linear model (averaged perceptron over hashed word, word-pair and character 3/4-gram
/// features) for one question: does this short addressed message only ask for contact, with no
/// topic? <see cref="MissingContextRule"/> asks it only where the grammars found a topic, so it can
/// add recall but never take a grammar's finding away (docs/rules.md, fifth pass). The weights are
/// an embedded resource written by <c>bench … train-naked</c> (<see cref="NakedModelTrainer"/>) from the
/// labelled development sets in the repository; training is deterministic.
/// </summary>
public sealed class NakedModel
{
    /// <summary>Features are hashed into 2^<c>Bits</c> weights.</summary>
    public const int Bits = 18;

    /// <summary>The most words a message may have to be read by the model (longer ones state a topic).</summary>
    public const int MaxWords = 12;

    /// <summary>Room for every feature of a message of <see cref="MaxWords"/> words.</summary>
    internal const int MaxFeatures = 512;

    private const int Size = 1 << Bits;
    private const int MaxChars = 240;
    private const uint Magic = 0x314D4E41; // "ANM1"
    private const string ResourceName = "AsyncCoach.Core.Rules.naked-model.bin";

    private static readonly Lazy<NakedModel> LazyDefault = new(LoadDefault);

    private readonly float[] _weights;

    public NakedModel(float[] weights, float threshold)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != Size)
        {
            throw new ArgumentException($"A model has {Size} weights, not {weights.Length}.", nameof(weights));
        }

        _weights = weights;
        Threshold = threshold;
    }

    /// <summary>The embedded model.</summary>
    public static NakedModel Default => LazyDefault.Value;

    /// <summary>A score above this says "naked".</summary>
    public float Threshold { get; }

    /// <summary>The weights (for the trainer's tests and the resource writer).</summary>
    internal ReadOnlySpan<float> Weights => _weights;

    /// <summary>Whether the message reads as a naked ask; only for 1 to <see cref="MaxWords"/> words.</summary>
    public bool IsNaked(ReadOnlySpan<char> text, ReadOnlySpan<Word> words, bool question, bool direct) =>
        words.Length is > 0 and <= MaxWords && Score(text, words, question, direct) > Threshold;

    /// <summary>The linear score of the message's features (0 for a message the model does not read).</summary>
    public float Score(ReadOnlySpan<char> text, ReadOnlySpan<Word> words, bool question, bool direct)
    {
        Span<int> features = stackalloc int[MaxFeatures];
        var count = Features(text, words, question, direct, features);
        var score = 0f;
        foreach (var feature in features[..count])
        {
            score += _weights[feature];
        }

        return score;
    }

    /// <summary>
    /// The features that pushed the score up most, readable ("word 'free'", "words 'you around'",
    /// "letters 'got'"), for <c>--misses</c> and explanations. Allocates; call only to explain.
    /// </summary>
    public IReadOnlyList<string> Explain(ReadOnlySpan<char> text, ReadOnlySpan<Word> words, bool question, bool direct, int top = 3)
    {
        var named = new List<(string Name, float Weight)>();
        NameFeatures(text, words, question, direct, (name, index) => named.Add((name, _weights[index])));
        return named.Where(f => f.Weight > 0).OrderByDescending(f => f.Weight).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => f.Name).Distinct().Take(top).ToList();
    }

    /// <summary>As <see cref="Explain(ReadOnlySpan{char}, ReadOnlySpan{Word}, bool, bool, int)"/> for raw Slack text, normalised as the engine does.</summary>
    public IReadOnlyList<string> Explain(string text, ConversationKind kind, int top = 3)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = new char[text.Length + 2];
        var length = MessageText.Normalize(text, chars, out var features);
        var words = new Word[(length / 2) + 2];
        var count = Word.Split(chars.AsSpan(0, length), words);
        return Explain(chars.AsSpan(0, length), words.AsSpan(0, count), (features & TextFeatures.Question) != 0, kind.IsDirect(), top);
    }

    /// <summary>
    /// The hashed features of a message: a bias, the conversation kind, a question mark, the length,
    /// each word, each pair of words and each 3- and 4-letter run of " w1 w2 … ". Returns the count
    /// written (0 for more than <see cref="MaxWords"/> words). Allocates nothing.
    /// </summary>
    internal static int Features(ReadOnlySpan<char> text, ReadOnlySpan<Word> words, bool question, bool direct, Span<int> destination)
    {
        if (words.Length is 0 or > MaxWords)
        {
            return 0;
        }

        Span<char> joined = stackalloc char[MaxChars + 2];
        var length = Join(text, words, joined);
        var count = 0;
        destination[count++] = Index(Hash('1', []));
        destination[count++] = Index(Hash('k', direct ? "d" : "c"));
        if (question)
        {
            destination[count++] = Index(Hash('q', []));
        }

        destination[count++] = Index(Hash('n', [(char)('a' + words.Length)]));
        for (var i = 0; i < words.Length; i++)
        {
            destination[count++] = Index(Hash('w', words[i].Of(text)));
            if (i + 1 < words.Length)
            {
                destination[count++] = Index(Hash('b', text[words[i].Start..(words[i + 1].Start + words[i + 1].Length)]));
            }
        }

        for (var n = 3; n <= 4; n++)
        {
            for (var i = 0; i + n <= length && count < destination.Length; i++)
            {
                destination[count++] = Index(Hash('c', joined.Slice(i, n)));
            }
        }

        return count;
    }

    /// <summary>The same features as <see cref="Features"/>, with readable names (explanations only).</summary>
    private static void NameFeatures(ReadOnlySpan<char> text, ReadOnlySpan<Word> words, bool question, bool direct, Action<string, int> each)
    {
        if (words.Length is 0 or > MaxWords)
        {
            return;
        }

        Span<char> joined = stackalloc char[MaxChars + 2];
        var length = Join(text, words, joined);
        each(direct ? "a direct message" : "a mention in a channel", Index(Hash('k', direct ? "d" : "c")));
        if (question)
        {
            each("a question", Index(Hash('q', [])));
        }

        each($"{words.Length} words", Index(Hash('n', [(char)('a' + words.Length)])));
        for (var i = 0; i < words.Length; i++)
        {
            each($"word '{words[i].Of(text)}'", Index(Hash('w', words[i].Of(text))));
            if (i + 1 < words.Length)
            {
                var pair = text[words[i].Start..(words[i + 1].Start + words[i + 1].Length)];
                each($"words '{pair}'", Index(Hash('b', pair)));
            }
        }

        for (var n = 3; n <= 4; n++)
        {
            for (var i = 0; i + n <= length; i++)
            {
                each($"letters '{joined.Slice(i, n).Trim(' ')}'", Index(Hash('c', joined.Slice(i, n))));
            }
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

    // FNV-1a over a kind letter and the characters.
    private static uint Hash(char kind, ReadOnlySpan<char> chars)
    {
        var hash = 2166136261u;
        hash = (hash ^ kind) * 16777619u;
        foreach (var c in chars)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private static int Index(uint hash) => (int)((hash ^ (hash >> Bits)) & (Size - 1));

    /// <summary>Writes the model: magic, bits, threshold, then the count of non-zero weights and (index, weight) for each, in index order.</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> buffer = stackalloc byte[12];
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(buffer[4..], Bits);
        BinaryPrimitives.WriteSingleLittleEndian(buffer[8..], Threshold);
        stream.Write(buffer);
        LinearWeights.WriteSparse(stream, _weights);
    }

    /// <summary>Reads a model written by <see cref="Write"/>; a stream of another shape is an <see cref="InvalidDataException"/>.</summary>
    public static NakedModel Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> buffer = stackalloc byte[12];
        stream.ReadExactly(buffer);
        if (BinaryPrimitives.ReadUInt32LittleEndian(buffer) != Magic || BinaryPrimitives.ReadInt32LittleEndian(buffer[4..]) != Bits)
        {
            throw new InvalidDataException("Not a naked-ask model of this version (magic or feature bits differ).");
        }

        return new NakedModel(LinearWeights.ReadSparse(stream, Size), BinaryPrimitives.ReadSingleLittleEndian(buffer[8..]));
    }

    private static NakedModel LoadDefault()
    {
        using var stream = typeof(NakedModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return Read(stream);
    }
}

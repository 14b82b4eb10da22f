using System.Buffers.Binary;

namespace AsyncCoach.Core.Rules;

/// <summary>
/// What the small linear models (<see cref="NakedModel"/>, <see cref="HuddleModel"/>) share: the
/// deterministic averaged-perceptron training and the sparse body of their weight files.
/// </summary>
internal static class LinearWeights
{
    /// <summary>
    /// An averaged perceptron: <paramref name="epochs"/> passes over the examples in an order shuffled
    /// by a fixed xorshift seed, so the same examples always give the same weights on every machine.
    /// </summary>
    public static float[] Train(IReadOnlyList<(int[] Features, int Label)> encoded, int size, int epochs)
    {
        var weights = new float[size];
        var sums = new double[size]; // Σ step × update, for the average
        var order = Enumerable.Range(0, encoded.Count).ToArray();
        var random = 0x9E3779B9u;
        long step = 1;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            for (var i = order.Length - 1; i > 0; i--) // Fisher-Yates with a fixed xorshift: the same order on every machine
            {
                random ^= random << 13;
                random ^= random >> 17;
                random ^= random << 5;
                var j = (int)(random % (uint)(i + 1));
                (order[i], order[j]) = (order[j], order[i]);
            }

            foreach (var index in order)
            {
                var (features, label) = encoded[index];
                var score = 0f;
                foreach (var f in features)
                {
                    score += weights[f];
                }

                if (label * score <= 0)
                {
                    foreach (var f in features)
                    {
                        weights[f] += label;
                        sums[f] += (double)step * label;
                    }
                }

                step++;
            }
        }

        var averaged = new float[size];
        for (var f = 0; f < size; f++)
        {
            averaged[f] = (float)(weights[f] - (sums[f] / step));
        }

        return averaged;
    }

    /// <summary>Writes the count of non-zero weights, then (index, weight) for each, in index order.</summary>
    public static void WriteSparse(Stream stream, ReadOnlySpan<float> weights)
    {
        var nonZero = 0;
        foreach (var w in weights)
        {
            nonZero += w != 0 ? 1 : 0;
        }

        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(buffer, nonZero);
        stream.Write(buffer[..4]);
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] != 0)
            {
                BinaryPrimitives.WriteInt32LittleEndian(buffer, i);
                BinaryPrimitives.WriteSingleLittleEndian(buffer[4..], weights[i]);
                stream.Write(buffer);
            }
        }
    }

    /// <summary>Reads what <see cref="WriteSparse"/> wrote into <paramref name="size"/> weights; another shape is an <see cref="InvalidDataException"/>.</summary>
    public static float[] ReadSparse(Stream stream, int size)
    {
        Span<byte> buffer = stackalloc byte[8];
        stream.ReadExactly(buffer[..4]);
        var count = BinaryPrimitives.ReadInt32LittleEndian(buffer);
        if (count < 0 || count > size)
        {
            throw new InvalidDataException($"A model cannot have {count} weights.");
        }

        var weights = new float[size];
        for (var i = 0; i < count; i++)
        {
            stream.ReadExactly(buffer);
            var index = BinaryPrimitives.ReadInt32LittleEndian(buffer);
            if ((uint)index >= size)
            {
                throw new InvalidDataException($"Weight index {index} is out of range.");
            }

            weights[index] = BinaryPrimitives.ReadSingleLittleEndian(buffer[4..]);
        }

        return weights;
    }
}

namespace AsyncCoach.Slack.BlockKit;

/// <summary>Where blocks are shown; messages and views have different block caps.</summary>
public enum BlockSurface
{
    Message,
    HomeTab,
    Modal,
}

/// <summary>One broken limit: <see cref="Path"/> is JSON-like (<c>blocks[2].fields[3].text</c>).</summary>
public sealed record BlockKitViolation(string Path, string Problem)
{
    public override string ToString() => $"{Path}: {Problem}";
}

/// <summary>
/// Slack's Block Kit limits (slack-platform.md §11, https://api.slack.com/reference/block-kit/blocks).
/// Slack answers <c>invalid_blocks</c> for any of these, without saying which; checking first
/// turns that into a clear message at composition time. Lengths are UTF-16 chars.
/// </summary>
public static class BlockKitLimits
{
    public const int MaxMessageBlocks = 50;
    public const int MaxViewBlocks = 100;
    public const int MaxBlockIdLength = 255;
    public const int MaxSectionTextLength = 3000;
    public const int MaxSectionFields = 10;
    public const int MaxFieldTextLength = 2000;
    public const int MaxHeaderTextLength = 150;
    public const int MaxActionsElements = 25;
    public const int MaxContextElements = 10;
    public const int MaxButtonTextLength = 75;
    public const int MaxActionIdLength = 255;
    public const int MaxActionValueLength = 2000;
    public const int MaxButtonUrlLength = 3000;
    public const int MaxInputLabelLength = 2000;
    public const int MaxInputHintLength = 2000;
    public const int MaxPlaceholderLength = 150;
    public const int MaxInputValueLength = 3000;

    /// <summary><c>views.open</c>, <c>views.publish</c>: the whole view as JSON, in bytes.</summary>
    public const int MaxViewBytes = 250 * 1024;

    public static IReadOnlyList<BlockKitViolation> Validate(IReadOnlyList<Block> blocks, BlockSurface surface = BlockSurface.Message)
    {
        var violations = new List<BlockKitViolation>();
        var maxBlocks = surface == BlockSurface.Message ? MaxMessageBlocks : MaxViewBlocks;
        if (blocks.Count > maxBlocks)
        {
            violations.Add(new("blocks", $"{blocks.Count} blocks; a {Describe(surface)} holds at most {maxBlocks}"));
        }

        var blockIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < blocks.Count; i++)
        {
            var path = $"blocks[{i}]";
            var block = blocks[i];
            if (block.BlockId is { } blockId)
            {
                Length(violations, $"{path}.block_id", blockId, MaxBlockIdLength);
                if (!blockIds.Add(blockId))
                {
                    violations.Add(new($"{path}.block_id", $"\"{blockId}\" is used by an earlier block; block ids must be unique"));
                }
            }

            switch (block)
            {
                case SectionBlock section:
                    CheckSection(violations, path, section);
                    break;
                case HeaderBlock header:
                    Length(violations, $"{path}.text.text", header.Text.Text, MaxHeaderTextLength);
                    break;
                case ContextBlock context:
                    Count(violations, $"{path}.elements", context.Elements.Count, MaxContextElements);
                    break;
                case ActionsBlock actions:
                    Count(violations, $"{path}.elements", actions.Elements.Count, MaxActionsElements);
                    CheckElements(violations, $"{path}.elements", actions.Elements);
                    break;
                case InputBlock input:
                    CheckInput(violations, path, input, surface);
                    break;
            }
        }

        return violations;
    }

    private static void CheckSection(List<BlockKitViolation> violations, string path, SectionBlock section)
    {
        if (section.Text is null && section.Fields is not { Count: > 0 })
        {
            violations.Add(new(path, "a section needs text or fields"));
        }

        if (section.Text is { } text)
        {
            Length(violations, $"{path}.text.text", text.Text, MaxSectionTextLength);
        }

        if (section.Fields is { } fields)
        {
            Count(violations, $"{path}.fields", fields.Count, MaxSectionFields);
            for (var f = 0; f < fields.Count; f++)
            {
                Length(violations, $"{path}.fields[{f}].text", fields[f].Text, MaxFieldTextLength);
            }
        }

        if (section.Accessory is { } accessory)
        {
            CheckElement(violations, $"{path}.accessory", accessory);
        }
    }

    private static void CheckInput(List<BlockKitViolation> violations, string path, InputBlock input, BlockSurface surface)
    {
        if (surface == BlockSurface.HomeTab)
        {
            // The Home tab has no submit button, so an input there could never be read.
            violations.Add(new(path, "input blocks belong in modals, not on the Home tab"));
        }

        if (input.BlockId is null)
        {
            violations.Add(new($"{path}.block_id", "an input needs a block_id: its value and its validation error are keyed by it"));
        }

        Length(violations, $"{path}.label.text", input.Label.Text, MaxInputLabelLength);
        CheckLength(violations, $"{path}.hint.text", input.Hint?.Text, MaxInputHintLength);
        CheckElement(violations, $"{path}.element", input.Element);
    }

    private static void CheckElements(List<BlockKitViolation> violations, string path, IReadOnlyList<BlockElement> elements)
    {
        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        for (var e = 0; e < elements.Count; e++)
        {
            CheckElement(violations, $"{path}[{e}]", elements[e]);
            if (elements[e].ActionId is { } actionId && !actionIds.Add(actionId))
            {
                violations.Add(new($"{path}[{e}].action_id", $"\"{actionId}\" is used by an earlier element; action ids must be unique in a block"));
            }
        }
    }

    private static void CheckElement(List<BlockKitViolation> violations, string path, BlockElement element)
    {
        if (element.ActionId is { } actionId)
        {
            Length(violations, $"{path}.action_id", actionId, MaxActionIdLength);
        }

        if (element is ButtonElement button)
        {
            Length(violations, $"{path}.text.text", button.Text.Text, MaxButtonTextLength);
            if (button.Value is { } value)
            {
                Length(violations, $"{path}.value", value, MaxActionValueLength);
            }

            if (button.Url is { } url)
            {
                Length(violations, $"{path}.url", url, MaxButtonUrlLength);
            }
        }

        if (element is PlainTextInputElement text)
        {
            CheckLength(violations, $"{path}.placeholder.text", text.Placeholder?.Text, MaxPlaceholderLength);
            CheckLength(violations, $"{path}.initial_value", text.InitialValue, MaxInputValueLength);
            if (text.MaxLength is < 1 or > MaxInputValueLength)
            {
                violations.Add(new($"{path}.max_length", $"{text.MaxLength}; it must be 1 to {MaxInputValueLength}"));
            }
        }
    }

    /// <summary>Adds a violation when <paramref name="value"/> is set and longer than <paramref name="max"/>.</summary>
    public static void CheckLength(List<BlockKitViolation> violations, string path, string? value, int max)
    {
        if (value is not null)
        {
            Length(violations, path, value, max);
        }
    }

    /// <summary>A view's JSON must stay within <see cref="MaxViewBytes"/> (Slack answers <c>view_too_large</c>).</summary>
    public static void CheckViewSize(List<BlockKitViolation> violations, int jsonBytes)
    {
        if (jsonBytes > MaxViewBytes)
        {
            violations.Add(new("view", $"{jsonBytes} bytes of JSON; a view holds at most {MaxViewBytes}"));
        }
    }

    private static void Length(List<BlockKitViolation> violations, string path, string value, int max)
    {
        if (value.Length > max)
        {
            violations.Add(new(path, $"{value.Length} chars; the limit is {max}"));
        }
    }

    private static void Count(List<BlockKitViolation> violations, string path, int count, int max)
    {
        if (count > max)
        {
            violations.Add(new(path, $"{count} items; the limit is {max}"));
        }
    }

    private static string Describe(BlockSurface surface) => surface switch
    {
        BlockSurface.HomeTab => "Home tab",
        BlockSurface.Modal => "modal",
        _ => "message",
    };
}

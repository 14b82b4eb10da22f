using System.Collections.Frozen;

namespace AsyncCoach.Core.Rules;

/// <summary>
/// Dates and relative days as they are written across languages (<see cref="Deadlines"/>, fourteenth pass): a day number
/// next to a month's name in any of the languages the phrase files read ("15 de diciembre", "3 janvier", "entro il 3 gennaio",
/// "12 Agustus"), a week number ("wk 50", "KW 50", "semana 12"), a working day counted from a trade or an event ("T+1", "D-2",
/// "J-3"), and "by" an event no list names ("by close", "by start of business", "by next standup", "by month-end"). The month
/// names are the one piece of vocabulary here: they are read only beside a day number, so a name that is a word elsewhere
/// ("mai" is tomorrow in Vietnamese, "mars" a planet) moves nothing alone. Like every deadline shape these are read only in a
/// message that already demands urgency.
/// </summary>
internal static partial class Deadlines
{
    // Month names as normalisation folds them (accents dropped), beyond English's (IsMonth): Spanish, French, Italian, Portuguese,
    // Catalan, German, Dutch, the Scandinavian languages, Romanian, Polish (genitive), Indonesian/Malay, Swahili, Tagalog, Turkish.
    private static readonly FrozenSet<string> Months = FrozenSet.ToFrozenSet(
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
         "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre",
         "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
         "janeiro", "fevereiro", "marco", "maio", "junho", "julho", "setembro", "outubro", "dezembro",
         "gener", "febrer", "marc", "maig", "juny", "juliol", "agost", "setembre", "desembre",
         "januar", "janner", "februar", "marz", "juni", "juli", "oktober", "dezember",
         "januari", "februari", "maart", "mei", "augustus", "maj", "marts", "augusti", "desember",
         "ianuarie", "februarie", "martie", "aprilie", "iunie", "iulie", "septembrie", "octombrie", "noiembrie", "decembrie",
         "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "wrzesnia", "pazdziernika", "listopada", "grudnia",
         "maret", "agustus", "desember", "mac", "ogos", "disember",
         "machi", "aprili", "julai", "agosti", "septemba", "oktoba", "novemba", "desemba",
         "pebrero", "marso", "hunyo", "hulyo", "setyembre", "oktubre", "nobyembre", "disyembre",
         "ocak", "subat", "mart", "nisan", "mayis", "haziran", "temmuz", "agustos", "eylul", "ekim", "kasim", "aralik"],
        StringComparer.Ordinal);

    private static bool IsAnyMonth(ReadOnlySpan<char> word) => IsMonth(word) || Months.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    private static bool IsDayOfMonth(ReadOnlySpan<char> word) =>
        IsNumber(word, 2) && int.Parse(word, System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 31;

    /// <summary>Whether word <paramref name="i"/> starts a date, a week number or a "by" event in the shapes above.</summary>
    private static bool IsWrittenDate(in RuleContext context, int i)
    {
        var words = context.Words;
        var word = context.WordAt(i);

        // "15 de diciembre", "3 janvier", "il 3 gennaio", "12 Agustus", and "diciembre 15".
        // Not glued into a name ("the v2.3-march branch"), not after "since"/"from" with or without an article ("desde el 15 de diciembre").
        var article = i > 0 && context.WordAt(i - 1) is "el" or "le" or "la" or "il" or "the" or "der" or "den" or "o" or "lo" ? i - 1 : i;
        if (IsDayOfMonth(word) && !context.IsGlued(i) && !AfterPastMarker(context, article) && !AfterStartOrStop(context, article))
        {
            var next = i + 1 < words.Length && context.WordAt(i + 1) is "de" or "di" or "del" or "do" or "da" or "van" ? i + 2 : i + 1;
            if (next < words.Length && !context.IsGlued(next) && IsAnyMonth(context.WordAt(next)))
            {
                return true;
            }
        }

        if (Months.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) && i + 1 < words.Length && IsDayOfMonth(context.WordAt(i + 1)) && !context.IsGlued(i)
            && !AfterPastMarker(context, i) && !AfterStartOrStop(context, i))
        {
            return true;
        }

        // "wk 50", "KW 50", "week 12", "semana 12", "sem. 50": a week number, after "by"/"in"/"for"/"due" or opening its clause.
        if (word is "wk" or "week" or "kw" or "semana" or "sem" or "semaine" or "settimana" or "uke" or "vecka" or "viikko" or "tydzien" or "minggu"
            && i + 1 < words.Length && IsNumber(context.WordAt(i + 1), 2) && int.Parse(context.WordAt(i + 1), System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 53
            && (i == 0 || context.ClauseBreakBetween(i - 1, i) || context.WordAt(i - 1) is "by" or "in" or "for" or "due" or "before" or "bis" or "para" or "pour"
                or "entro" or "voor" or "til" or "till" or "until" or "latest" or "end" or "the" or "la" or "de" or "der" or "die"))
        {
            return true;
        }

        // "by close", "by start of business", "by next standup", "by month-end", "before year end"; not "by next of kin".
        if (word is "by" or "before" && i + 1 < words.Length && !context.ClauseBreakBetween(i, i + 1))
        {
            var next = context.WordAt(i + 1);
            if ((next is "close" && (i + 2 == words.Length || context.ClauseBreakBetween(i + 1, i + 2) || context.WordAt(i + 2) is "of" or "today" or "tomorrow" or "pls" or "please"))
                || (next is "start" or "open" or "opening" && i + 2 < words.Length && context.WordAt(i + 2) is "of")
                || (next is "next" && i + 2 < words.Length && !context.ClauseBreakBetween(i + 1, i + 2) && !IsAmount(context.WordAt(i + 2)) && context.WordAt(i + 2) is not "of")
                || (next is "month" or "year" or "quarter" or "week" or "shift" or "day" or "sprint" or "term" && i + 2 < words.Length && context.WordAt(i + 2) is "end"))
            {
                return true;
            }
        }

        return false;
    }

    // "T+1", "D-2", "J-3", "T+0": a working day counted from a trade, a launch or an event (a capital letter alone, a sign, one digit:
    // "D-12" is as often a bay, a form or a part).
    private static bool HasRelativeDay(ReadOnlySpan<char> raw)
    {
        for (var i = 0; i + 2 < raw.Length; i++)
        {
            if (raw[i] is 'T' or 'D' or 'J' && (i == 0 || !char.IsLetterOrDigit(raw[i - 1])) && raw[i + 1] is '+' or '-' && char.IsAsciiDigit(raw[i + 2])
                && (i + 3 == raw.Length || !char.IsLetterOrDigit(raw[i + 3])))
            {
                return true;
            }
        }

        return false;
    }
}

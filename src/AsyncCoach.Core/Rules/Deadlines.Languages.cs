namespace AsyncCoach.Core.Rules;

/// <summary>
/// Clock times and spans as most languages write them around a number (<see cref="Deadlines"/>, thirteenth pass): a
/// clock word after the hour ("15 Uhr", "15u", "8u30"), a clock marker before it ("um 15", "a las 3", "kl 15", "klo 15",
/// "alle 15", "saat 15", "jam 3"), a span after an "in" word ("in 30 Minuten", "dans 30 min", "za 30 minut", "dentro de 2
/// horas", "ndani ya dakika 30"), a span capped ("48h max", "max 2 days", "20 mins tops") or standing alone in its clause
/// ("urgent, 10 min"). These words are few and shared by many languages, so they live here, not in a phrase file; like
/// every deadline shape they are read only in a message that already demands urgency.
/// </summary>
internal static partial class Deadlines
{
    private static bool IsWrittenClockOrSpan(in RuleContext context, int i)
    {
        var word = context.WordAt(i);

        // "15 Uhr", "om 15 uur", "15u", "8u30": an hour and its clock word (Dutch "uur" is also a span: due either way).
        if (IsHour(word) && i + 1 < context.Words.Length && !context.ClauseBreakBetween(i, i + 1) && context.WordAt(i + 1) is "uhr" or "uur" or "heures" or "heure" or "gio" or "giờ"
            && !AfterStartMarker(context, i))
        {
            return true;
        }

        if (IsGluedDutchClock(word) && !AfterStartMarker(context, i))
        {
            return true;
        }

        // "um 15", "a las 3", "kl. 15.00", "klo 15", "alle 17", "saat 10", "jam 3": the hour closes its clause, or is followed
        // by its minutes or a clock word ("las 3 cajas" counts boxes).
        if (IsClockMarker(context, i) && i + 1 < context.Words.Length && IsHour(context.WordAt(i + 1)) && !context.ClauseBreakBetween(i, i + 1)
            && (i + 2 == context.Words.Length || context.ClauseBreakBetween(i + 1, i + 2) || IsMinutes(context.WordAt(i + 2))
                || context.WordAt(i + 2) is "uhr" or "uur" or "h" or "hs" or "horas" or "hrs" or "heures" or "ore" or "godz" or "latest" or "max" or "please" or "pls"))
        {
            return true;
        }

        // "in 30 Minuten", "dans 30 min", "za 30 minut", "em 2 horas", "dentro de 2 horas", "ndani ya dakika 30".
        if (IsInWord(context, i) is var after and > 0 && after + 1 < context.Words.Length)
        {
            var next = context.WordAt(after);
            if (((IsAmount(next) && IsAnyUnit(context.WordAt(after + 1))) || (IsAnyUnit(next) && IsNumber(context.WordAt(after + 1), 3))) && !IsDelay(context, after + 2))
            {
                return true;
            }
        }

        // "asap, in 5", "dans 10": minutes left unsaid, the number closing its clause.
        if (IsInWord(context, i) is var bare and > 0 && bare < context.Words.Length && !context.ClauseBreakBetween(i, bare) && IsNumber(context.WordAt(bare), 2)
            && (bare + 1 == context.Words.Length || context.ClauseBreakBetween(bare, bare + 1)) && context.WordAt(i) is not "em")
        {
            return true;
        }

        // "48h max", "max 2 days", "20 mins tops", "2 Tage maximal": a span capped.
        if (IsSpan(context, i) is var spanEnd and > 0)
        {
            if ((spanEnd < context.Words.Length && !context.ClauseBreakBetween(spanEnd - 1, spanEnd) && IsCap(context.WordAt(spanEnd)))
                || (i > 0 && !context.ClauseBreakBetween(i - 1, i) && IsCap(context.WordAt(i - 1))))
            {
                return true;
            }

            // "urgent, 10 min", "asap - 2h": the span alone in its clause, after another clause.
            return i > 0 && context.ClauseBreakBetween(i - 1, i) && (spanEnd == context.Words.Length || context.ClauseBreakBetween(spanEnd - 1, spanEnd));
        }

        return false;
    }

    // "came in 2 days late", "arrived 3 hours behind": the word after a span that makes it a delay.
    private static bool IsDelay(in RuleContext context, int next) =>
        next < context.Words.Length && !context.ClauseBreakBetween(next - 1, next)
        && context.WordAt(next) is "late" or "early" or "ago" or "behind" or "overdue" or "delayed" or "tarde" or "retard" or "spater" or "geleden";

    // "by lunchtime", "by Q3", "by close": a "by" before a time of day's meal or a quarter, as "before" already anchors.
    private static bool IsByMealOrQuarter(in RuleContext context, int i) =>
        context.WordAt(i) is "by" && i + 1 < context.Words.Length && !context.ClauseBreakBetween(i, i + 1)
        && context.WordAt(i + 1) is "lunchtime" or "lunch" or "breakfast" or "dinner" or "dinnertime" or "teatime" or "q1" or "q2" or "q3" or "q4" or "h1" or "h2"
            or "closing" or "opening" or "handover" or "shift" or "kickoff";

    // A number of 1 to 3 digits and a unit ("30 min", "2 Tage"), or one glued word ("48h", "30mins"): the span's end, or 0.
    private static int IsSpan(in RuleContext context, int i)
    {
        var word = context.WordAt(i);
        if (IsGluedSpan(word))
        {
            return i + 1;
        }

        return IsNumber(word, 3) && i + 1 < context.Words.Length && !context.ClauseBreakBetween(i, i + 1) && IsAnyUnit(context.WordAt(i + 1)) ? i + 2 : 0;
    }

    // A cap on a span, or a postposition meaning "within" ("30 dakika içinde", "10 minuutin sisällä", "2 órán belül").
    private static bool IsCap(ReadOnlySpan<char> word) =>
        word is "max" or "maximum" or "tops" or "latest" or "maks" or "maximal" or "maximo" or "massimo" or "maxi" or "hochstens" or "najpozniej" or "senast"
            or "icinde" or "zarfinda" or "sisalla" or "belul" or "alatt";

    // The word after an "in" word of several languages ("in", "within", "dans", "en", "innerhalb", "binnen", "entro", "em",
    // "za", "inom", "innen", "dalam", "trong"), with its linking word ("dentro de", "ndani ya", "w ciagu"), or 0.
    private static int IsInWord(in RuleContext context, int i)
    {
        var word = context.WordAt(i);
        if (word is "in" or "within" or "dans" or "en" or "innerhalb" or "binnen" or "entro" or "em" or "za" or "inom" or "innen" or "dalam" or "trong")
        {
            return i + 1;
        }

        return word is "dentro" or "ndani" or "ciagu" && i + 2 < context.Words.Length && context.WordAt(i + 1) is "de" or "ya" or "di" ? i + 2
            : word is "ciagu" ? i + 1 : 0;
    }

    // A unit of time in the languages the files read (and English): minutes, hours, days, weeks.
    private static bool IsAnyUnit(ReadOnlySpan<char> word) =>
        IsUnit(word)
        || word is "minuten" or "minutos" or "minuto" or "minuti" or "minut" or "minuty" or "minutter" or "minuter" or "menit" or "dakika" or "perc" or "minuutin"
            or "minuutissa" or "minutu" or "phut" or "stunden" or "stunde" or "std" or "horas" or "hora" or "heures" or "heure" or "ore" or "uur" or "timer"
            or "timmar" or "timme" or "jam" or "saat" or "godzin" or "godziny" or "godzine" or "hodin" or "hodiny" or "sati" or "sata" or "tage" or "tagen" or "jours"
            or "jour" or "dias" or "dia" or "giorni" or "dagen" or "dagar" or "dage" or "dni" or "hari" or "gun" or "semaines" or "semanas" or "wochen" or "weken";

    // "15.00", "kl 15 30": two digits of minutes after an hour.
    private static bool IsMinutes(ReadOnlySpan<char> word) => word.Length == 2 && IsNumber(word, 2) && word[0] <= '5';

    // "um", "bis", "gegen", "om", "tegen", "tot", "las" (a las / hasta las), "alle", "entro le", "ore", "kl", "klo", "kello",
    // "klockan", "saat", "jam", "pukul", "luc", "vers", "avant", "vor": a clock time follows in the languages that write them so.
    // Not "do", "o", "u", "a", "as" (Slavic, Portuguese): common words elsewhere, and "do 15:00", "às 15h" are read by their shape.
    private static bool IsClockMarker(in RuleContext context, int i) =>
        (context.WordAt(i) is "um" or "bis" or "gegen" or "om" or "tegen" or "tot" or "las" or "alle" or "entro" or "kl" or "klo" or "kello" or "klockan" or "saat"
            or "jam" or "pukul" or "luc" or "vers" or "avant" or "vor" or "ore"
            || (context.WordAt(i) is "le" && i > 0 && context.WordAt(i - 1) is "entro"))
        && !AfterStartMarker(context, i + 1);

    // "15u", "8u30", "12u": an hour glued to the Flemish "u" (uur), optionally with its minutes.
    private static bool IsGluedDutchClock(ReadOnlySpan<char> word)
    {
        var u = word.IndexOf('u');
        return u is 1 or 2 && IsNumber(word[..u], 2) && IsHour(word[..u]) && (u == word.Length - 1 || (word.Length - u - 1 == 2 && IsMinutes(word[(u + 1)..])));
    }

    // A clock time that says when something started ("ab 15 Uhr", "depuis 15 heures", "seit 8 Uhr", "desde las 3", "since 15"),
    // not when it is due.
    private static bool AfterStartMarker(in RuleContext context, int i)
    {
        for (var k = i - 1; k >= 0 && i - k <= 2 && !context.ClauseBreakBetween(k, i); k--)
        {
            if (context.WordAt(k) is "since" or "from" or "after" or "ab" or "seit" or "depuis" or "des" or "desde" or "vanaf" or "sinds" or "od" or "fra" or "fran"
                or "sejak" or "dari" or "dalle" or "dal" or "dopo" or "nach" or "apres" or "despues" or "depois" or "na")
            {
                return true;
            }
        }

        return false;
    }
}

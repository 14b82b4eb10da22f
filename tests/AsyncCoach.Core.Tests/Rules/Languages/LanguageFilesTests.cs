using AsyncCoach.Core.Rules;

namespace AsyncCoach.Core.Tests.Rules.Languages;

/// <summary>The tenth pass's language files are embedded and merged into the default phrase book.</summary>
public sealed class LanguageFilesTests
{
    [Test]
    public void Every_tenth_pass_language_is_in_the_default_phrase_book() =>
        Assert.That(PhraseBook.Default.Languages, Is.SupersetOf(new[] { "el", "cs", "hbs", "ro", "ca", "fi", "hu", "cy", "mi", "ms", "apc", "ary", "yue", "th", "jam", "tw", "gsw" }));

    [Test]
    public void Every_session_11_language_is_in_the_default_phrase_book() =>
        Assert.That(PhraseBook.Default.Languages, Is.SupersetOf(new[] { "is", "et", "uk", "ur", "bn", "si", "fj" }));

    [Test]
    public void Every_session_12_language_is_in_the_default_phrase_book() =>
        Assert.That(PhraseBook.Default.Languages, Is.SupersetOf(new[] { "lv", "lt", "mn", "am", "kea", "ne", "ta", "rw", "eu", "sm", "mt", "bem", "kk", "ha", "yo", "fa", "sl", "sq", "so" }));

    [Test]
    public void Every_session_13_language_is_in_the_default_phrase_book() =>
        Assert.That(PhraseBook.Default.Languages, Is.SupersetOf(new[] { "ka", "ht", "mfe", "wo", "bg", "ko", "zh", "afb" }));

    // A negator silences urgency whatever the language of the message, so one that is a common word in
    // another language would silence it everywhere ("need the cap table asap", "besoin de toi asap").
    [TestCase("de")]
    [TestCase("den")]
    [TestCase("cap")]
    [TestCase("nu")]
    [TestCase("en")]
    [TestCase("et")]
    [TestCase("ma")]
    [TestCase("na")]
    public void No_negator_is_a_common_word_of_another_language(string word) =>
        Assert.That(PhraseBook.Default.Lists[PhraseLists.UrgencyNegators], Does.Not.Contain(word));
}

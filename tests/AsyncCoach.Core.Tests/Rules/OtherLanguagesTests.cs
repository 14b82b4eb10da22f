using System.Reflection;
using System.Text.Json;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// docs/rules.md "Other languages" (branch <c>lang20</c>, issue #20): the language files
/// (<c>Rules/phrases.&lt;lang&gt;.json</c>) give the rules' closed classes — greetings and address,
/// politeness, availability checks, call words, urgency, deadlines, negation — in the languages real
/// workspaces write in. Paraphrases written for this file from general vocabulary, none an item of a
/// development set.
/// </summary>
public sealed partial class OtherLanguagesTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    [TestCase("buenas tardes a todos")]
    [TestCase("Hola Martín, ¿tienes un momento?")]
    [TestCase("oi pessoal, bom dia!")]
    [TestCase("Bonjour Amélie, t'es dispo ?")]
    [TestCase("Moin! Hast du mal kurz Zeit?")]
    [TestCase("ciao ragazzi, qualcuno disponibile?")]
    [TestCase("Hoi Pieter, ben je er?")]
    [TestCase("hej Karin, har du en stund?")]
    [TestCase("hei, har du litt tid?")]
    [TestCase("magandang hapon po, busy po ba kayo?")]
    [TestCase("Siang Mbak Rina, lagi sibuk ga?")]
    [TestCase("Günaydın Ayşe Hanım, müsait misiniz?")]
    [TestCase("cześć, masz chwilkę?")]
    [TestCase("Oga, how far?")]
    [TestCase("namaste ji, aap free ho?")]
    public void A_greeting_or_availability_check_in_another_language_is_missing_context(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("Hola Martín, ¿tienes un momento para revisar la factura 2231?")]
    [TestCase("Hoi Pieter, ben je er? De bakfiets van Jan staat nog bij de hub")]
    [TestCase("hej Karin, har du en stund att titta på budgeten för skolorna?")]
    [TestCase("Siang Mbak Rina, lagi sibuk ga? Ada komplain dari merchant Bandung")]
    [TestCase("Günaydın Ayşe Hanım, kargo yarın mı çıkıyor?")]
    public void The_same_with_its_topic_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("¿hacemos una videollamada para cerrar el presupuesto?")]
    [TestCase("bora fazer uma call rápida sobre o contrato?")]
    [TestCase("faisons un appel rapide pour la soumission du client?")]
    [TestCase("lass uns kurz telefonieren wegen der Rechnung")]
    [TestCase("facciamo una call veloce sul preventivo?")]
    [TestCase("zullen we even bellen over de offerte?")]
    [TestCase("kan vi ta ett kort samtal om schemat?")]
    [TestCase("tayo mag zoom mamaya about the escalation report")]
    [TestCase("kita call sebentar ya soal invoice vendor")]
    [TestCase("zdzwońmy się w sprawie faktury")]
    public void A_call_proposed_in_another_language_is_huddle_instead_of_thread(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("No hace falta llamar, te dejo aquí el resumen: faltan 3 cajas")]
    [TestCase("geen call nodig, hier is de samenvatting van de offerte")]
    public void A_call_declined_in_another_language_is_not_a_proposal(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.HuddleInsteadOfThread));

    [TestCase("necesito el informe de ventas cuanto antes")]
    [TestCase("preciso do relatório o quanto antes")]
    [TestCase("merci d'envoyer le devis au plus vite")]
    [TestCase("bitte schick mir die Unterlagen schnellstmöglich")]
    [TestCase("mandami il file il prima possibile")]
    [TestCase("graag zo snel mogelijk de facturen doorsturen")]
    [TestCase("skicka avtalet omgående tack")]
    [TestCase("tolong kirim laporannya secepatnya")]
    [TestCase("faturayı acilen gönderir misin")]
    [TestCase("wyślij raport jak najszybciej")]
    [TestCase("pa-rush naman po yung report")]
    public void Urgency_in_another_language_without_a_deadline_is_vague_urgency(string text) =>
        Assert.That(RulesOn(text, ConversationKind.Channel), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("necesito el informe de ventas cuanto antes, hoy antes de las 15:00")]
    [TestCase("skicka avtalet omgående, senast fredag")]
    [TestCase("tolong kirim laporannya secepatnya, besok pagi")]
    [TestCase("no es urgente, cuando puedas revisa el informe")]
    [TestCase("inte bråttom, men titta på skrivaren")]
    [TestCase("faturanın acil değil, haftaya bakarız")]
    public void A_deadline_or_a_negation_in_another_language_silences_it(string text) =>
        Assert.That(RulesOn(text, ConversationKind.Channel), Does.Not.Contain(RuleIds.VagueUrgency));

    [Test]
    public void Every_language_file_loads_with_known_lists_and_patterns()
    {
        var assembly = typeof(PhraseBook).Assembly;
        var files = assembly.GetManifestResourceNames().Where(n => n.StartsWith("AsyncCoach.Core.Rules.phrases.", StringComparison.Ordinal)).ToList();
        Assert.That(files, Has.Count.GreaterThanOrEqualTo(21));
        foreach (var file in files)
        {
            using var stream = assembly.GetManifestResourceStream(file)!;
            using var document = JsonDocument.Parse(stream);
            var lists = document.RootElement.GetProperty("lists").EnumerateObject().Select(p => p.Name).ToList();
            Assert.That(PhraseLists.All, Is.SupersetOf(lists), file + ": a list name the engine does not read would be ignored silently");
            Assert.That(document.RootElement.GetProperty("language").GetString(), Is.Not.Empty, file);
        }

        Assert.That(PhraseBook.Default.Languages, Is.SupersetOf(new[] { "en", "es", "pt", "fr", "de", "it", "nl", "sv", "nb", "da", "tl", "id", "tr", "pl", "pcm", "hi", "vi", "ja", "af", "zu", "arz", "sw", "gd" }));
        Assert.That(PhraseBook.Default.ContactPatterns, Is.Not.Empty);
    }

    [Test]
    public void A_language_file_merges_list_by_list_and_folds_its_patterns()
    {
        var book = PhraseBook.FromJson([
            """{"language": "en", "lists": {"greeting": ["hi"]}}""",
            """{"language": "xx", "lists": {"greeting": ["salü"], "urgency": ["pronto"]}, "contact": ["hesch|häsch du zit"]}""",
        ]);

        Assert.That(book.Lists["greeting"], Is.EqualTo(new[] { "hi", "salü" }));
        Assert.That(book.Lists["urgency"], Is.EqualTo(new[] { "pronto" }));
        Assert.That(book.ContactPatterns, Is.EqualTo(new[] { "hesch|hasch du zit" }));
        Assert.That(book.Languages, Is.EqualTo(new[] { "en", "xx" }));
    }

    [Test]
    public void English_evidence_is_unchanged_by_the_language_files()
    {
        var english = PhraseBook.FromJson(ReadEmbedded("phrases.en.json"));
        var all = PhraseBook.Default;
        foreach (var text in (string[])["hey, got a minute?", "can we hop on a call about the release?", "need the report asap", "will do asap",
            "we had a call yesterday, notes in the doc", "hop on a call about the ROI deck?", "San Jose office: can we do a zoom at 3?"])
        {
            var alone = new RuleEngine(english, RuleEngine.DefaultRules()).Evaluate(Message(text, ConversationKind.Im, channel: "D1"), Context(ConversationKind.Im, "D1"));
            var merged = new RuleEngine(all, RuleEngine.DefaultRules()).Evaluate(Message(text, ConversationKind.Im, channel: "D1"), Context(ConversationKind.Im, "D1"));
            Assert.That(merged.Select(f => (f.RuleId, string.Join('|', f.Evidence))), Is.EqualTo(alone.Select(f => (f.RuleId, string.Join('|', f.Evidence)))), text);
        }
    }

    private static string ReadEmbedded(string name)
    {
        using var stream = Assembly.GetAssembly(typeof(PhraseBook))!.GetManifestResourceStream("AsyncCoach.Core.Rules." + name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static IEnumerable<string> RulesOn(string text, ConversationKind kind = ConversationKind.Im) =>
        Engine.Evaluate(Message(text, kind, channel: kind == ConversationKind.Im ? "D1" : "C1"), Context(kind, kind == ConversationKind.Im ? "D1" : "C1")).Select(f => f.RuleId);
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using AsyncCoach.Hosting;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Inbox;

/// <summary>
/// Registers the inbox: the journal and its group-commit writer, the processor's rounds, the
/// look-ahead, the retention of processed rows, and the dispatcher each event goes through.
/// Its loops are hosted services: register after storage, so they begin on a migrated database.
/// </summary>
public static class InboxServices
{
    public static IServiceCollection AddInbox(this IServiceCollection services)
    {
        services.AddOptions<InboxOptions>().BindConfiguration(InboxOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InboxOptions>, InboxOptionsValidator>();
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<InboxJournal>();
        services.AddSingleton<InboxWriter>();
        // The provider may register its own (PostgreSQL: the batch insert); SQLite's is the journal.
        services.TryAddSingleton<IInboxAppender, JournalAppender>();
        services.TryAddSingleton<IInboxBacklog, JournalBacklog>();
        services.AddSingleton<InboxProcessor>();
        services.AddSingleton<InboxRetention>();
        services.AddSingleton<InboxLookAhead>();
        services.AddScoped<IInboxHandler, EventDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<InboxProcessor>());
        services.AddHostedService(sp => sp.GetRequiredService<InboxRetention>());
        return services;
    }
}

using AsyncCoach.Cli;
using AsyncCoach.Hosting;

StartupTrace.Mark("main");
return await AsyncCoachCli.RunAsync(args);

/// <summary>Entry point; public so the integration tests can host it.</summary>
public partial class Program;

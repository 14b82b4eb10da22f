# AsyncCoach: a native AOT executable on a small non-root image (docs/deploy.md).
#   docker build -t asynccoach .
#   docker run -d -p 8080:8080 -v asynccoach-data:/data \
#     -e Slack__SigningSecret=... -e Slack__BotToken=xoxb-... asynccoach

# --- build: the SDK with clang, which native AOT links with ----------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends clang zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src

# Restore first, from the project files alone, so a code change does not download packages again.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/AsyncCoach.Core/AsyncCoach.Core.csproj src/AsyncCoach.Core/
COPY src/AsyncCoach.Slack/AsyncCoach.Slack.csproj src/AsyncCoach.Slack/
COPY src/AsyncCoach/AsyncCoach.csproj src/AsyncCoach/
RUN dotnet restore src/AsyncCoach/AsyncCoach.csproj -r linux-x64

COPY src/ src/
# The debugging aids (.dbg, .pdb, .xml) are left out of the image.
RUN dotnet publish src/AsyncCoach/AsyncCoach.csproj -c Release -r linux-x64 --no-restore -o /app \
    && rm -f /app/*.dbg /app/*.pdb /app/*.xml \
    && mkdir -p /data

# --- runtime: no SDK, no shell, no package manager; ICU and time zones included (-extra) -------
# The native executable needs no .NET runtime, only the system's ICU (and tzdata for IANA zones).
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled-extra AS runtime
WORKDIR /app
COPY --from=build /app/ ./
# The database, its -wal/-shm, the inbox journal (asynccoach.db.inbox/) and the token key ring
# (asynccoach.db.keys/) all live together on the volume. 1654 is the images' non-root "app" user.
COPY --from=build --chown=1654:1654 /data /data
VOLUME /data

ENV ASPNETCORE_HTTP_PORTS=8080 \
    Storage__ConnectionString="Data Source=/data/asynccoach.db"
EXPOSE 8080
USER 1654

# The image has no curl: the executable asks itself (exit 0 healthy, 1 not).
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD ["/app/AsyncCoach", "healthcheck", "--timeout", "00:00:04"]

# `docker stop` sends SIGTERM: the service finishes what it acknowledged (Shutdown:Timeout, 25 s by
# default); give it longer than that (docker stop -t 35, or compose's stop_grace_period).
STOPSIGNAL SIGTERM
ENTRYPOINT ["/app/AsyncCoach"]
CMD ["serve"]

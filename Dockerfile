# Publishes Woohakdong.Web and runs it as a non-root user. Production settings come from the environment
# (Database__Provider=Postgres, Database__ConnectionString=…); see README.md.
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props Woohakdong.sln ./
COPY Woohakdong.Core/Woohakdong.Core.csproj Woohakdong.Core/
COPY Woohakdong.Web/Woohakdong.Web.csproj Woohakdong.Web/
RUN dotnet restore Woohakdong.Web/Woohakdong.Web.csproj -a $TARGETARCH
COPY Woohakdong.Core/ Woohakdong.Core/
COPY Woohakdong.Web/ Woohakdong.Web/
# For the target platform (amd64 → linux-x64, arm64 → linux-arm64): ReadyToRun code (Woohakdong.Web.csproj).
RUN dotnet publish Woohakdong.Web/Woohakdong.Web.csproj -c Release -a $TARGETARCH --self-contained false -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The image's built-in unprivileged user; App_Data (SQLite, local objects) must be writable by it.
RUN mkdir -p /app/App_Data && chown "$APP_UID" /app/App_Data
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "Woohakdong.Web.dll"]

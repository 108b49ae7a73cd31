#!/usr/bin/env bash
# Installs the samperms command for the action: a released version from the configured NuGet feed, or else the
# package packed from this action's own checkout. The tool path is added to GITHUB_PATH for the next steps.
set -euo pipefail
tools="${RUNNER_TEMP:-/tmp}/samperms-tool"
if [ -n "${INPUT_VERSION:-}" ]; then
  dotnet tool install SamPerms.Tool --version "$INPUT_VERSION" --tool-path "$tools"
else
  repo="$(cd "$ACTION_PATH/../.." && pwd)"
  feed="${RUNNER_TEMP:-/tmp}/samperms-feed"
  dotnet pack "$repo/src/SamPerms.Cli" -c Release -o "$feed" --nologo
  dotnet tool install SamPerms.Tool --add-source "$feed" --tool-path "$tools" --prerelease
fi
echo "$tools" >> "${GITHUB_PATH:-/dev/null}"

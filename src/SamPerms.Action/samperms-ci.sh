#!/usr/bin/env bash
# SamPerms in CI, as the GitHub Action runs it (and any CI can: it reads only environment variables and git).
#   validate      every template: annotations on stdout (--format github), SARIF to $INPUT_SARIF
#   diff --git    what the change broadens, against the merge base with $INPUT_BASE_REF / $GITHUB_BASE_REF
#   diff --intent each template with an intent (intent.yaml beside it, or $INPUT_INTENT)
# The markdown summary goes to $GITHUB_STEP_SUMMARY; the exit status is 1 when a check named in $INPUT_FAIL_ON
# failed, 2 when a check could not run (bad input or usage), 0 otherwise.
set -uo pipefail

samperms=${SAMPERMS:-samperms}
patterns=${INPUT_TEMPLATES:-"**/template.yaml **/template.yml"}
intent=${INPUT_INTENT:-auto}
base_ref=${INPUT_BASE_REF:-${GITHUB_BASE_REF:-}}
fail_on=",${INPUT_FAIL_ON:-error,broadening,missing},"
sarif=${INPUT_SARIF:-}
summary=${GITHUB_STEP_SUMMARY:-}
region_args=()
if [ -n "${INPUT_REGION:-}" ]; then region_args=(--region "$INPUT_REGION"); fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
report="$work/summary.md"
failed=0
broken=0

fails() { [[ "$fail_on" == *",$1,"* || "$fail_on" == *",any,"* ]]; }
note_exit() { # $1: exit code of a check, $2: the fail-on kind it stands for
  if [ "$1" -eq 1 ] && fails "$2"; then failed=1; elif [ "$1" -ge 2 ]; then broken=1; fi
}

# The templates: tracked files matching the globs (git pathspec), in git's order.
mapfile -t templates < <(for p in $patterns; do git ls-files -- ":(glob)$p"; done | awk '!seen[$0]++')
{
  echo "## SamPerms"
  echo
  if [ ${#templates[@]} -eq 0 ]; then echo "No template matches \`$patterns\`."; fi
} > "$report"

if [ ${#templates[@]} -gt 0 ]; then
  # 1. validate: annotations for the runner, the SARIF log, a markdown section for the summary.
  severity=error
  if fails warning; then severity=warning; fi
  "$samperms" validate "${templates[@]}" "${region_args[@]}" --format github --severity "$severity"
  note_exit $? "$severity"
  if [ -n "$sarif" ] && [ "$sarif" != none ]; then
    "$samperms" validate "${templates[@]}" "${region_args[@]}" --format sarif > "$sarif" || true
  fi
  {
    echo "### validate"
    echo
    "$samperms" validate "${templates[@]}" "${region_args[@]}" --format markdown 2>&1 \
      || true
    echo
  } >> "$report"
fi

# 2. What the change broadens, against the merge base (as the pull request's diff shows it).
base=""
if [ -n "$base_ref" ]; then
  for candidate in "origin/$base_ref" "$base_ref"; do
    if git rev-parse --verify --quiet "$candidate^{commit}" > /dev/null; then base=$candidate; break; fi
  done
  if [ -z "$base" ]; then echo "samperms-ci: base revision '$base_ref' not found (fetch it: actions/checkout with fetch-depth: 0)" >&2; broken=1; fi
elif git rev-parse --verify --quiet "HEAD~1^{commit}" > /dev/null; then
  base="HEAD~1"
fi
if [ -n "$base" ]; then
  merge_base=$(git merge-base "$base" HEAD 2> /dev/null || echo "$base")
  {
    echo "### Permission changes since \`$base\`"
    echo
  } >> "$report"
  "$samperms" diff --git "$merge_base" "${templates[@]}" "${region_args[@]}" --format markdown --fail-on broadening >> "$report"
  note_exit $? broadening
  echo >> "$report"
fi

# 3. Intent: each template with an intent file.
for t in "${templates[@]}"; do
  case "$intent" in
    none) continue ;;
    auto) file="$(dirname "$t")/intent.yaml"; [ -f "$file" ] || continue ;;
    *) file=$intent ;;
  esac
  {
    echo "### \`$t\` against \`$file\`"
    echo
  } >> "$report"
  "$samperms" diff "$t" --intent "$file" "${region_args[@]}" --format markdown --fail-on none >> "$report"
  code=$?
  if [ $code -ge 2 ]; then broken=1; fi
  for kind in missing excess unverifiable; do
    if fails "$kind"; then
      "$samperms" diff "$t" --intent "$file" "${region_args[@]}" --format json --fail-on "$kind" > /dev/null 2>&1
      note_exit $? "$kind"
    fi
  done
  echo >> "$report"
done

if [ -n "$summary" ]; then cat "$report" >> "$summary"; fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  cp "$report" "${RUNNER_TEMP:-$work}/samperms-summary.md" 2> /dev/null && echo "summary=${RUNNER_TEMP:-$work}/samperms-summary.md" >> "$GITHUB_OUTPUT"
fi
if [[ "$fail_on" == *",none,"* ]]; then exit $(( broken ? 2 : 0 )); fi
if [ $broken -eq 1 ]; then exit 2; fi
exit $failed

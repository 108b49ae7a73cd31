# SamPerms — everything a fresh machine needs goes through these targets.
SHELL := /bin/bash
DOTNET ?= dotnet
CONFIG ?= Release
CLI_DLL := src/SamPerms.Cli/bin/$(CONFIG)/net10.0/samperms.dll
CLI := $(DOTNET) $(CLI_DLL)
CORPUS ?= $(abspath ../shared/sam-corpus)
SCORER ?= $(abspath ../shared/tools/sam-conformance)
EXAMPLE ?= templates/image-resizer

.PHONY: all build run test conformance bench pack pack-rid pack-test aot clean browser test-browser

all: build

build:
	$(DOTNET) build SamPerms.sln -c $(CONFIG) --nologo -v quiet

# The main job on the bundled example: who may invoke each function and what its role may do, then that
# against the author's intent. The example's intent is deliberately narrower than the policy templates it
# uses, so the diff reports excess; --fail-on none keeps `make run` successful (CI would keep the default,
# --fail-on any, and fail on it).
# It runs the JIT build of the same engine, not the native package users install from `make pack`: the native
# build needs clang installed and 2-10 minutes of AOT compilation, which every CI run on a clean clone (.ci/run)
# would pay before its first output. Their outputs are byte-identical (`make pack-test` compares the installed
# native tool's transform with the engine's).
run: build
	$(CLI) permissions $(EXAMPLE)/template.yaml --region us-east-1
	$(CLI) diff $(EXAMPLE)/template.yaml --intent $(EXAMPLE)/intent.yaml --region us-east-1 --fail-on none

test:
	$(DOTNET) test SamPerms.sln -c $(CONFIG) --nologo -v quiet

# The report page's browser test drives Debian's headless Chromium (it skips, saying why, when /usr/bin/chromium is absent).
browser:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

test-browser: browser build
	$(DOTNET) test SamPerms.sln -c $(CONFIG) --nologo -v quiet --no-build --filter 'FullyQualifiedName~ReportBrowserTests'

# Score the transform against the reference corpus (needs ../shared, as CI has it).
conformance: build
	@if [ -x "$(SCORER)" ] && [ -d "$(CORPUS)" ]; then \
		"$(SCORER)" --cli "$(CLI)" --corpus "$(CORPUS)" --show 20; \
	else \
		echo "conformance: no corpus at $(CORPUS) (or no scorer at $(SCORER)); skipped"; \
	fi

# Batch-transform the corpus in one process and print milliseconds per template; when the AWS SAM translator
# is installed here, time it on the same templates and print the measured ratio.
bench:
	$(DOTNET) run --project tests/SamPerms.Bench -c Release -- $(CORPUS) | tee /tmp/samperms-bench.txt
	@python3 tests/SamPerms.Bench/reference_bench.py $(CORPUS) | tee /tmp/samperms-ref.txt
	@ours=$$(sed -n 's/^ms per template: median \([0-9.]*\).*/\1/p' /tmp/samperms-bench.txt); \
	 ref=$$(sed -n 's/^reference ms per template: \([0-9.]*\)/\1/p' /tmp/samperms-ref.txt); \
	 if [ -n "$$ref" ] && [ -n "$$ours" ]; then awk -v r=$$ref -v o=$$ours 'BEGIN { printf "measured ratio: SamPerms is %.0fx faster than the reference on this machine\n", r / o }'; fi
	@# Whole process: the installed tool when `make pack` built the packages (installed from them as users install
	@# it: the native package on this RID), else the native binary of `make aot`, else the JIT build; against the
	@# reference and cfn-lint, on one template, the corpus batch and the scaling series (N = 100 ... 1,600 functions;
	@# 10,000 statements); then the issue's targets side by side, pass or fail.
	@rm -rf artifacts/bench-tool artifacts/bench-nuget; \
	 if ls $(PACK_DIR)/SamPerms.Tool.[0-9]*.nupkg >/dev/null 2>&1 && \
	    NUGET_PACKAGES=$(abspath artifacts/bench-nuget) $(DOTNET) tool install SamPerms.Tool --tool-path artifacts/bench-tool --add-source $(PACK_DIR) --ignore-failed-sources >/dev/null 2>&1; then \
		bin=artifacts/bench-tool/samperms; \
	 elif [ -x artifacts/aot/samperms ]; then bin=artifacts/aot/samperms; else bin="$(CLI)"; fi; \
	 python3 tests/SamPerms.Bench/whole_process.py "$$bin" $(CORPUS) tests/SamPerms.Bench/bin/Release/net10.0/SamPerms.Bench.dll

# The installed tool is native (.NET 10 RID-specific tool packages; see ToolPackageRuntimeIdentifiers in the CLI
# csproj). Into $(PACK_DIR): the pointer package SamPerms.Tool; the native AOT package of this machine's RID (clang
# and zlib1g-dev are installed as for `make aot`; 2-10 min); SamPerms.Tool.any, the framework-dependent JIT build the
# .NET CLI falls back to on platforms the pointer does not list; and, for the other listed RIDs, framework-dependent
# (JIT, needs the .NET 10 runtime) RID packages, so that this folder installs everywhere. Native AOT does not
# cross-compile between operating systems: a release replaces each of those with the native package built on a
# machine of that OS and architecture by `make pack-rid RID=osx-arm64` (linux-arm64, osx-x64, win-x64 likewise;
# macOS needs Xcode's clang, Windows the MSVC build tools), then publishes the pointer and all six packages.
PACK_DIR ?= artifacts/packages
TOOL_RIDS := linux-x64 linux-arm64 osx-arm64 osx-x64 win-x64
HOST_RID := $(shell $(DOTNET) --info 2>/dev/null | sed -n 's/^ *RID: *//p' | head -1)
pack:
	@command -v clang >/dev/null || (apt-get update -qq && apt-get install -y -qq clang zlib1g-dev)
	rm -rf $(PACK_DIR)
	$(DOTNET) pack src/SamPerms.Cli -c Release -o $(PACK_DIR) --nologo -v quiet
	$(DOTNET) pack src/SamPerms.Cli -c Release -r any -o $(PACK_DIR) --nologo -v quiet
	$(MAKE) --no-print-directory pack-rid RID=$(HOST_RID)
	@for rid in $(filter-out $(HOST_RID),$(TOOL_RIDS)); do \
		$(MAKE) --no-print-directory pack-rid RID=$$rid PACK_NATIVE=false || exit 1; \
	done
	@ls -l $(PACK_DIR)

# One RID's package: native AOT (PACK_NATIVE=false: framework-dependent JIT, for a RID this machine cannot compile).
PACK_NATIVE ?= true
pack-rid:
	$(DOTNET) pack src/SamPerms.Cli -c Release -r $(RID) -o $(PACK_DIR) --nologo -v quiet \
		$(if $(filter false,$(PACK_NATIVE)),-p:PublishAot=false -p:SelfContained=false)

# Installs the packages `make pack` built into a temporary --tool-path (from that folder alone) and runs the
# installed command: --version, and a transform of the example compared with the engine's.
pack-test: build
	SAMPERMS_PACKAGES=$(abspath $(PACK_DIR)) $(DOTNET) test SamPerms.sln -c $(CONFIG) --nologo -v quiet --no-build --filter 'FullyQualifiedName~InstalledToolTests'

# Native AOT build of the CLI (installs the native toolchain it needs).
aot:
	@command -v clang >/dev/null || (apt-get update -qq && apt-get install -y -qq clang zlib1g-dev)
	$(DOTNET) publish src/SamPerms.Cli -c Release -r linux-x64 -p:PublishAot=true -o artifacts/aot --nologo

clean:
	$(DOTNET) clean SamPerms.sln --nologo -v quiet
	rm -rf artifacts

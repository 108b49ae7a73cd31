namespace SamPerms.Output;

/// <summary>The report page's inline style sheet and script (no network, no CDN).</summary>
internal static class ReportAssets
{
    public const string Css = """

        :root { --bg: #f7f8fa; --panel: #fff; --ink: #1d2330; --muted: #5b6577; --line: #e3e7ee; --accent: #2457c5; --hl: #fff3b0; --hl-edge: #e0a800; --err: #b42318; --warn: #b54708; --info: #175cd3; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
        header { padding: 16px 24px; background: #1d2330; color: #fff; }
        header h1 { margin: 0 0 4px; font-size: 20px; font-weight: 600; }
        header p { margin: 0; color: #c9d1e0; font-size: 14px; }
        header code { color: #ffd479; }
        main { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 6fr); gap: 16px; padding: 16px; align-items: start; }
        section { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; min-width: 0; }
        .source { position: sticky; top: 16px; max-height: calc(100vh - 32px); overflow: auto; }
        h2 { font-size: 16px; margin: 8px 0 12px; }
        pre { margin: 0; font: 13px/1.55 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
        .source pre { white-space: pre; }
        .line { display: block; padding-right: 8px; border-left: 3px solid transparent; }
        .ln { display: inline-block; width: 3.5em; padding-right: 1em; text-align: right; color: #98a2b3; user-select: none; }
        .line { min-height: 1.55em; }
        a.cause { color: inherit; text-decoration: none; background: #eef3ff; border-radius: 3px; box-shadow: -3px 0 0 var(--accent); }
        a.cause:hover { background: #dfe8ff; }
        .line.has-finding { border-left-color: var(--warn); background: #fff8f0; }
        .finding { display: block; margin: 0 0 2px 4.5em; padding: 1px 8px; font: 12px/1.5 system-ui, sans-serif; border-radius: 4px; white-space: normal; }
        .finding.error, .findings .error { color: var(--err); } .finding.warning, .findings .warning { color: var(--warn); } .finding.info, .findings .info { color: var(--info); }
        .finding.error { background: #fef3f2; } .finding.warning { background: #fffaeb; } .finding.info { background: #eff8ff; }
        article.sam { border-top: 1px solid var(--line); padding: 8px 0; }
        article.sam h3 { font-size: 15px; margin: 6px 0; }
        .type { color: var(--muted); font-weight: normal; font-size: 13px; }
        .where { font-size: 13px; color: var(--accent); font-weight: normal; }
        .globals { font-size: 12px; background: #eef3ff; color: var(--accent); padding: 0 6px; border-radius: 10px; }
        .condition { margin: 4px 0; font-size: 13px; color: var(--muted); } .condition.not-deployed { color: var(--err); font-weight: 600; }
        .group { margin: 6px 0 10px 8px; padding: 6px 10px; border-left: 3px solid var(--line); border-radius: 0 6px 6px 0; }
        .group h4 { margin: 0 0 4px; font-size: 14px; font-weight: 600; }
        ul.resources { list-style: none; margin: 0 0 4px; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; }
        button.res { font: inherit; font-size: 13px; cursor: pointer; border: 1px solid var(--line); background: #f9fafb; border-radius: 6px; padding: 2px 8px; color: var(--ink); }
        button.res:hover { border-color: var(--accent); }
        button.res.modified { border-style: dashed; }
        .changed { color: var(--muted); font-size: 12px; }
        .sentence { margin: 4px 0; font-size: 14px; color: #344054; }
        code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
        .hl, a.cause.hl { background: var(--hl) !important; }
        .group.hl { border-left-color: var(--hl-edge); }
        button.res.hl { border-color: var(--hl-edge); box-shadow: 0 0 0 2px var(--hl-edge) inset; }
        :focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
        svg.graph { max-width: 100%; height: auto; display: block; margin-bottom: 8px; }
        svg .col { font: 600 12px system-ui, sans-serif; fill: var(--muted); }
        svg .node rect { stroke-width: 1.2; }
        svg .invoker rect { fill: #eff8ff; stroke: #84adff; } svg .subject rect { fill: #ecfdf3; stroke: #6ce9a6; } svg .target rect { fill: #fef6ee; stroke: #f7b27a; }
        svg .node text { font: 12px ui-monospace, Menlo, Consolas, monospace; fill: var(--ink); }
        svg .edge { fill: none; stroke: #98a2b3; stroke-width: 1.3; }
        details.subject { margin: 6px 0; } details.subject summary { cursor: pointer; font-weight: 600; }
        details.subject pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f9fafb; border: 1px solid var(--line); border-radius: 6px; padding: 8px; margin-top: 6px; }
        ul.findings { padding-left: 18px; }
        @media (max-width: 900px) { main { grid-template-columns: 1fr; } .source { position: static; max-height: none; } }

        """;

    public const string Script = """

        (function () {
          function mark(cause) {
            document.querySelectorAll('.hl').forEach(function (e) { e.classList.remove('hl'); });
            document.querySelectorAll('[data-cause="' + cause + '"]').forEach(function (e) { e.classList.add('hl'); });
          }
          document.addEventListener('click', function (ev) {
            var t = ev.target.closest('[data-cause]');
            if (!t || t.classList.contains('group')) { return; }
            var cause = t.getAttribute('data-cause');
            mark(cause);
            if (t.tagName === 'BUTTON') {
              var line = document.querySelector('a.cause[data-cause="' + cause + '"]');
              if (line) { line.scrollIntoView({ block: 'center' }); }
            }
          });
        })();

        """;
}

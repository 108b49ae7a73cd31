using SamPerms.Output.Escaping;

namespace SamPerms.Output.Diff;

/// <summary>The readable report: one template as it is, several under "== heading ==" lines; tables fit a terminal.</summary>
public sealed class DiffText() : DiffFormat("text", "readable report; table is the same")
{
    public override bool ForTerminal => true;

    public override string Intent(IntentDiffs diffs, DiffRendering how) =>
        !diffs.Several ? (diffs.Sections.Count == 0 ? "" : IntentDiffText.Write(diffs.Sections[0].Report, diffs.Sections[0].Template, how.Text))
        : DiffSections.Join(diffs.Sections, s => $"== {TextEscape.Value(s.Template)} against {TextEscape.Value(s.IntentFile ?? "its inline intent")} ==\n",
            s => IntentDiffText.Write(s.Report, s.Template, how.Text));

    public override string Versions(VersionDiffs diffs, DiffRendering how)
    {
        if (diffs.GitBase is not { } gitBase)
        {
            var one = diffs.Sections[0];
            return BaselineDiffText.Write(one.Report, one.OldLabel, one.NewLabel, how.Text);
        }

        return diffs.Sections.Count == 0 ? $"No template changed since {TextEscape.Value(gitBase)}.\n"
            : DiffSections.Join(diffs.Sections, s => $"== {TextEscape.Value(s.Git!.Shown)} ({TextEscape.Value(s.Git.Described)}) ==\n",
                s => BaselineDiffText.Write(s.Report, s.OldLabel, s.NewLabel, how.Text));
    }
}

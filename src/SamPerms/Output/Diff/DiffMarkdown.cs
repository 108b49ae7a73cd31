namespace SamPerms.Output.Diff;

/// <summary>Markdown for a pull-request comment: one template as it is, several under "####" headings.</summary>
public sealed class DiffMarkdown() : DiffFormat("markdown", "for a PR comment")
{
    public override string Intent(IntentDiffs diffs, DiffRendering how) =>
        !diffs.Several ? (diffs.Sections.Count == 0 ? "" : IntentDiffMarkdown.Write(diffs.Sections[0].Report, diffs.Sections[0].Template))
        : DiffSections.Join(diffs.Sections, s => $"#### {MarkdownText.Code(s.Template)} against {MarkdownText.Code(s.IntentFile ?? "its inline intent")}\n\n",
            s => IntentDiffMarkdown.Write(s.Report, s.Template));

    public override string Versions(VersionDiffs diffs, DiffRendering how)
    {
        if (diffs.GitBase is not { } gitBase)
        {
            var one = diffs.Sections[0];
            return BaselineDiffMarkdown.Write(one.Report, one.OldLabel, one.NewLabel);
        }

        return diffs.Sections.Count == 0 ? $"No template changed since {MarkdownText.Code(gitBase)}.\n"
            : DiffSections.Join(diffs.Sections, s => $"#### {MarkdownText.Code(s.Git!.Shown)} ({MarkdownText.Cell(s.Git.Described)})\n\n",
                s => s.Report.Changes.Count == 0 ? "No permission changes.\n" : BaselineDiffMarkdown.Write(s.Report, s.OldLabel, s.NewLabel));
    }
}

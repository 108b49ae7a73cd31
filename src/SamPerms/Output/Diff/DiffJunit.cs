using SamPerms.Output.Ci;

namespace SamPerms.Output.Diff;

/// <summary>JUnit XML: a test suite per template, a test case per function, a failure per failing finding.</summary>
public sealed class DiffJunit() : DiffFormat("junit", "JUnit XML for CI test reports")
{
    public override string Intent(IntentDiffs diffs, DiffRendering how) => JunitXml.Write(DiffCi.Intent(diffs));

    public override string Versions(VersionDiffs diffs, DiffRendering how) => JunitXml.Write(DiffCi.Versions(diffs));
}

using SamPerms.Model;
using SamPerms.Output;

namespace SamPerms.Cli.Commands;

/// <summary>Every JSON report says which configuration it was made with (<c>settings</c>, see <see cref="SettingsUsed"/>).</summary>
public static class SettingsField
{
    public static string AddTo(MapNode report, SettingsUsed? used) => AddToBuilder(report, used).ToString();

    /// <summary><see cref="AddTo"/> as a builder (a big report is written out chunk by chunk).</summary>
    public static System.Text.StringBuilder AddToBuilder(MapNode report, SettingsUsed? used)
    {
        if (used is not null)
        {
            report.Set("settings", used.ToNode());
        }

        return JsonText.PrettyBuilder(report);
    }
}

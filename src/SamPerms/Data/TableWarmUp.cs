namespace SamPerms.Data;

/// <summary>
/// Loads an embedded table a command is going to read (the managed policies' index for a permission map, the IAM
/// action catalog for can) on another thread while the template is read and transformed. The work
/// leaves the way of the command, and the tables' large arrays are made while the heap is small: made late, next to
/// a big template's tree, they are what sets off a collection of all of it. A table asked for meanwhile waits for its
/// lazy loading to finish; one that cannot be read fails again, with its message, where it is asked for.
/// </summary>
public static class TableWarmUp
{
    private static int _managedPolicies;
    private static int _actionCatalog;

    /// <summary>The managed policies' index (read for every role that attaches an AWS managed policy).</summary>
    public static void ManagedPolicies() => Start(ref _managedPolicies, static () => _ = ManagedPolicyDocuments.Count);

    /// <summary>The IAM action catalog (read by can's evaluation).</summary>
    public static void ActionCatalog() => Start(ref _actionCatalog, static () => _ = IamActionCatalog.Services.Count);

    private static void Start(ref int started, Action load)
    {
        if (Interlocked.Exchange(ref started, 1) != 0)
        {
            return;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static load =>
        {
            try
            {
                load();
            }
            catch (Exception)
            {
                // Asked for later, the table fails there with its own message.
            }
        }, load, preferLocal: false);
    }
}

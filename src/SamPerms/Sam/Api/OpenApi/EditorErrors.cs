using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.OpenApi;

/// <summary>The reference's way of failing inside an editor: a document error holding one template error.</summary>
internal static class EditorErrors
{
    /// <param name="at">The offending node, when known, so the diagnostic gets a location.</param>
    public static InvalidDocumentException Document(string message, Node? at = null) =>
        new([new InvalidTemplateException(message).Locate(at)]);
}

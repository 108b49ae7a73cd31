using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.OpenApi;

/// <summary>The reference's way of failing inside an editor: a document error holding one template error.</summary>
internal static class EditorErrors
{
    public static InvalidDocumentException Document(string message) => new([new InvalidTemplateException(message)]);
}

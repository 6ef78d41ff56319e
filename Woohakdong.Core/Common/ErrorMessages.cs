namespace Woohakdong.Core.Common;

/// <summary>Marker type for <c>IStringLocalizer&lt;ErrorMessages&gt;</c>: texts live in ErrorMessages.resx (ko) and ErrorMessages.en.resx.</summary>
public sealed class ErrorMessages;

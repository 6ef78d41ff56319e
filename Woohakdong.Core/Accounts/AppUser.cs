using Microsoft.AspNetCore.Identity;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Accounts;

/// <summary>An account. The profile fields are what a club needs to know about a member (회원 명부).</summary>
public sealed class AppUser : IdentityUser<Guid>, IAuditable
{
    public string DisplayName { get; set; } = "";
    public string School { get; set; } = "";
    /// <summary>학과</summary>
    public string Major { get; set; } = "";
    /// <summary>학번</summary>
    public string StudentNumber { get; set; } = "";
    public string Phone { get; set; } = "";

    /// <summary>The language e-mails are written in ("ko" or "en", <see cref="Common.Languages"/>).</summary>
    public string Language { get; set; } = "ko";

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }

    public bool HasCompleteProfile =>
        DisplayName.Length > 0 && School.Length > 0 && Major.Length > 0 && StudentNumber.Length > 0 && Phone.Length > 0;
}

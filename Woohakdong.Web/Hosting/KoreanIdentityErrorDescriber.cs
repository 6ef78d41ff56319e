using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Woohakdong.Web.Hosting;

/// <summary>Identity's sign-up and password errors in the request's language (Korean by default).</summary>
public sealed class KoreanIdentityErrorDescriber(IStringLocalizer<KoreanIdentityErrorDescriber> text) : IdentityErrorDescriber
{
    private IdentityError Error(string code) => new() { Code = code, Description = text[code] };

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail));
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateEmail));
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail));
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidEmail));
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = text[nameof(PasswordTooShort), length] };
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit));
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower));
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper));
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric));
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars));
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch));
    public override IdentityError DefaultError() => Error(nameof(DefaultError));
}

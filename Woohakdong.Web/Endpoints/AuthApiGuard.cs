using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Web.Endpoints;

/// <summary>
/// Guards Identity's /v1/auth endpoints: every call that names an account by e-mail (login, register, forgot and reset
/// password, resend confirmation) counts against <see cref="SignInThrottle"/> and gets 429 with <c>Retry-After</c> when
/// over; and a locked-out account is answered exactly like a wrong password, so the answer does not tell anyone that
/// the address has an account (Identity's own answer says <c>LockedOut</c>).
/// </summary>
public sealed class AuthApiGuard(SignInThrottle throttle) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (NamesAnAccount(context.Arguments, out var email) && throttle.Refusal(context.HttpContext, email) is { } retryAfter)
        {
            SignInThrottle.Refuse(context.HttpContext.Response, retryAfter);
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }
        var result = await next(context);
        var problem = result as ProblemHttpResult ?? (result as INestedHttpResult)?.Result as ProblemHttpResult;
        return problem?.ProblemDetails.Detail == SignInResult.LockedOut.ToString()
            ? TypedResults.Problem(SignInResult.Failed.ToString(), statusCode: StatusCodes.Status401Unauthorized)
            : result;
    }

    private static bool NamesAnAccount(IList<object?> arguments, out string? email)
    {
        email = arguments.Select(argument => argument switch
        {
            LoginRequest login => login.Email,
            RegisterRequest register => register.Email,
            ForgotPasswordRequest forgot => forgot.Email,
            ResetPasswordRequest reset => reset.Email,
            ResendConfirmationEmailRequest resend => resend.Email,
            _ => null,
        }).FirstOrDefault(found => found is not null);
        return arguments.Any(argument => argument is LoginRequest or RegisterRequest or ForgotPasswordRequest
            or ResetPasswordRequest or ResendConfirmationEmailRequest);
    }
}

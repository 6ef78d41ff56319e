using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Woohakdong.Core.Common;

namespace Woohakdong.Web.Hosting;

/// <summary>
/// The scoped <see cref="ICurrentUser"/>: filled from <c>HttpContext.User</c> for a request, and from the
/// circuit's authentication state for an interactive component (where there is no HttpContext).
/// </summary>
public sealed class CurrentUser : ICurrentUser
{
    public Guid? UserId { get; private set; }

    public void Set(ClaimsPrincipal? principal) =>
        UserId = principal?.Identity?.IsAuthenticated == true
                 && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : null;
}

/// <summary>Sets <see cref="CurrentUser"/> for each HTTP request once authentication has run.</summary>
public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentUser currentUser)
    {
        currentUser.Set(context.User);
        return next(context);
    }
}

/// <summary>Keeps <see cref="CurrentUser"/> in step with the circuit's user (the documented circuit-handler pattern).</summary>
public sealed class CurrentUserCircuitHandler(AuthenticationStateProvider authState, CurrentUser currentUser)
    : CircuitHandler, IDisposable
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authState.AuthenticationStateChanged += OnAuthenticationChanged;
        return base.OnCircuitOpenedAsync(circuit, cancellationToken);
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        currentUser.Set((await authState.GetAuthenticationStateAsync()).User);
    }

    private void OnAuthenticationChanged(Task<AuthenticationState> task) =>
        _ = task.ContinueWith(t => currentUser.Set(t.Result.User), TaskContinuationOptions.OnlyOnRanToCompletion);

    public void Dispose() => authState.AuthenticationStateChanged -= OnAuthenticationChanged;
}
